// The layer rules of ARCHITECTURE.md ("Dependency rules, checked by machine") fire: each snippet is
// linted with the repository's eslint.config.js as if it were a file at the given path, and must
// raise exactly the expected rules; allowed imports must raise nothing. Also proves the promise
// rules fire, since they are why `void` and `.catch` appear where they do.
//
// The layer snippets are linted without type information (type-aware parsing needs files a
// tsconfig lists, and the import rules do not use types); the promise snippet uses a default
// project for its virtual file, since those rules need types.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';

const root = join(import.meta.dirname, '..', '..', '..');
const untyped = new ESLint({ cwd: root, overrideConfig: tseslint.configs.disableTypeChecked as Linter.Config });

async function ruleIds(eslint: ESLint, filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  assert.ok(result, filePath);
  const fatal = result.messages.filter((m) => m.fatal || m.ruleId === null);
  assert.deepEqual(fatal, [], `${filePath}: the snippet must parse`);
  return result.messages.map((m) => m.ruleId ?? '').sort();
}

const IMPORTS = 'no-restricted-imports';
const FOLDERS = 'spanmark/layer-folders';
const GLOBALS = 'no-restricted-globals';

/** [virtual file path, snippet, rule ids it must raise (empty: none)] */
type Case = readonly [string, string, readonly string[]];

const cases: Record<string, readonly Case[]> = {
  'src/ imports no React, Dexie, Electron, DOM or Node, and nothing outside src/': [
    ['src/probe.ts', "import { useState } from 'react';\nexport { useState };", [IMPORTS]],
    ['src/probe.ts', "import type { ReactNode } from 'react';\nexport type { ReactNode };", [IMPORTS]],
    ['src/probe.ts', "import { createRoot } from 'react-dom/client';\nexport { createRoot };", [IMPORTS]],
    ['src/probe.ts', "import Dexie from 'dexie';\nexport { Dexie };", [IMPORTS]],
    ['src/probe.ts', "import { useLiveQuery } from 'dexie-react-hooks';\nexport { useLiveQuery };", [IMPORTS]],
    ['src/probe.ts', "import { app } from 'electron';\nexport { app };", [IMPORTS]],
    ['src/probe.ts', "import { readFileSync } from 'node:fs';\nexport { readFileSync };", [IMPORTS]],
    ['src/probe.ts', "import { readFile } from 'fs/promises';\nexport { readFile };", [IMPORTS]],
    ['src/probe.ts', "import { join } from 'path';\nexport { join };", [IMPORTS]],
    ['src/probe.ts', "export * from 'node:crypto';", [IMPORTS]],
    ['src/probe.ts', "export const load = () => import('node:fs');", [FOLDERS]],
    ['src/probe.ts', "import { openDb } from '../renderer/db/db.js';\nexport { openDb };", [FOLDERS]],
    ['src/text/probe.ts', "import { menu } from '../../main/app/menu.js';\nexport { menu };", [FOLDERS]],
    ['src/text/probe.ts', "export { x } from '../../tests/unit/x.js';", [FOLDERS]],
    ['src/probe.ts', 'export const name = window.name;', [GLOBALS]],
    ['src/probe.ts', 'export const title = () => document.title;', [GLOBALS]],
    ['src/probe.ts', "export const home = process.env['HOME'];", [GLOBALS]],
    ['src/probe.ts', "export const bytes = Buffer.from('x');", [GLOBALS]],
    // Allowed: the reviewed pure library, the core itself, and a core file named like a built-in.
    [
      'src/document/probe.ts',
      "import { parse } from 'parse5';\nimport { x } from './path.js';\nimport type { A } from '../annotations/types.js';\nexport { parse, x };\nexport type { A };",
      [],
    ],
    ['src/probe.ts', 'export const w = (window: string) => window.length;', []],
  ],
  'renderer/ never imports main/ (nor Node or Electron: it runs sandboxed)': [
    ['renderer/probe.ts', "import { menu } from '../main/app/menu.js';\nexport { menu };", [FOLDERS]],
    ['renderer/app/Probe.tsx', "import { api } from '../../main/preload/preload.js';\nexport { api };", [FOLDERS]],
    ['renderer/app/Probe.tsx', "export const load = () => import('../../main/node/start.js');", [FOLDERS]],
    ['renderer/probe.ts', "import { ipcRenderer } from 'electron';\nexport { ipcRenderer };", [IMPORTS]],
    ['renderer/probe.ts', "import { readFileSync } from 'node:fs';\nexport { readFileSync };", [IMPORTS]],
    [
      'renderer/app/Probe.tsx',
      "import { useState } from 'react';\nimport Dexie from 'dexie';\nimport { ok } from '../../src/result.js';\nimport { App } from './App.js';\nexport { useState, Dexie, ok, App };",
      [],
    ],
  ],
  'renderer/store/ (the open document’s session) reaches storage only through its SessionStore': [
    ['renderer/store/probe.ts', "import { writeNow } from '../db/annotations-repo.js';\nexport { writeNow };", [FOLDERS]],
    ['renderer/store/probe.ts', "import type { SpanmarkDb } from '../db/db.js';\nexport type { SpanmarkDb };", [FOLDERS]],
    ['renderer/store/probe.ts', "import Dexie from 'dexie';\nexport { Dexie };", [IMPORTS]],
    [
      'renderer/store/probe.ts',
      "import type { SessionStore } from './session-store.js';\nimport { dispatch } from '../app/events.js';\nimport { sortAnnotations } from '../../src/annotations/commands.js';\nexport { dispatch, sortAnnotations };\nexport type { SessionStore };",
      [],
    ],
  ],
  'main/ never imports renderer/, and its parts keep to their own folders': [
    ['main/app/probe.ts', "import { openDb } from '../../renderer/db/db.js';\nexport { openDb };", [FOLDERS]],
    ['main/node/probe.ts', "import type { App } from '../../renderer/app/App.js';\nexport type { App };", [FOLDERS]],
    ['main/preload/probe.ts', "export { x } from '../../renderer/platform/desktop.js';", [FOLDERS]],
    ['main/app/probe.ts', "import { start } from '../node/start.js';\nexport { start };", [FOLDERS]],
    // The specifier alone cannot tell this is main/app: it is resolved from main/node/cli/.
    ['main/node/cli/probe.ts', "import { menu } from '../../app/menu.js';\nexport { menu };", [FOLDERS]],
    ['main/node/probe.ts', "import { app } from 'electron';\nexport { app };", [IMPORTS]],
    ['main/app/probe.ts', "import { useState } from 'react';\nexport { useState };", [IMPORTS]],
    ['main/preload/probe.ts', "import { ok } from '../../src/result.js';\nexport { ok };", [FOLDERS]],
    ['main/preload/probe.ts', "import { readFileSync } from 'node:fs';\nexport { readFileSync };", [IMPORTS]],
    [
      'main/app/probe.ts',
      "import { app } from 'electron';\nimport { join } from 'node:path';\nimport { ok } from '../../src/result.js';\nimport { menu } from './menu.js';\nexport { app, join, ok, menu };",
      [],
    ],
    [
      'main/node/cli/probe.ts',
      "import { readFile } from 'node:fs/promises';\nimport { ok } from '../../../src/result.js';\nimport { x } from '../start-plan.js';\nexport { readFile, ok, x };",
      [],
    ],
    [
      'main/preload/probe.ts',
      "import { contextBridge } from 'electron';\nimport { IPC } from '../../src/platform/ipc-contract.js';\nexport { contextBridge, IPC };",
      [],
    ],
  ],
  'tests/ may import every layer': [
    [
      'tests/unit/probe.ts',
      "import { menu } from '../../main/app/menu.js';\nimport { openDb } from '../../renderer/db/db.js';\nimport { readFileSync } from 'node:fs';\nexport { menu, openDb, readFileSync };",
      [],
    ],
  ],
};

for (const [title, list] of Object.entries(cases)) {
  test(title, async () => {
    for (const [path, code, expected] of list) {
      assert.deepEqual(await ruleIds(untyped, path, code), [...expected].sort(), `${path}:\n${code}`);
    }
  });
}

test('a promise nobody handles, or one passed where nothing awaits it, is an error', async () => {
  const typed = new ESLint({
    cwd: root,
    overrideConfig: {
      languageOptions: { parserOptions: { projectService: { allowDefaultProject: ['lint-probe.ts'], defaultProject: 'tsconfig.base.json' } } },
    },
  });
  const code = [
    'const save = async (): Promise<void> => {};',
    'save();',
    'export const onClick: () => void = save;',
    'void save(); // marked as deliberately not awaited: allowed',
    'save().catch(() => undefined); // handled: allowed',
    '',
  ].join('\n');
  assert.deepEqual(await ruleIds(typed, 'lint-probe.ts', code), ['@typescript-eslint/no-floating-promises', '@typescript-eslint/no-misused-promises']);
});
