// Issue 11: "no label id is written anywhere else in the code". Scans the code of src/, renderer/
// and main/ for the default schema's ids as whole words, so a new `if (label === 'claim')` or
// `::highlight(sm-casualty-0)` fails here instead of breaking the day a library renames a label.
//
// What it allows, and only this:
// - src/labels/schema.ts, where DEFAULT_SCHEMA defines the ids;
// - comments (// … and /* … */ are removed before matching);
// - src/codecs/spanmark-v1/schema.json, the frozen v1 file contract, whose label enum is those ids;
// - non-code files (sample articles, images): only .ts .tsx .js .mjs .css .html are read;
// - a local variable that happens to share the word (`const claim = await claimPort(…)`) and the
//   ids inside a longer name (claimPort, claim-port.ts, claims).
// What counts as naming a label: the id as a whole string literal or at the start of one ('claim',
// "casualty", `deployment…`), a property access or object key (.claim, claim:), and the CSS names
// generated from ids (sm-claim-0, label-claim, --claim-ink).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SCHEMA } from '../../../src/labels/schema.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ALLOWED_FILES = new Set(['src/labels/schema.ts', 'src/codecs/spanmark-v1/schema.json']);
const CODE = /\.(ts|tsx|js|mjs|css|html)$/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** Comments out, strings and code kept; line breaks kept so a hit has its line number. */
export function stripComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`\\])\/\/[^\n]*/g, '$1');
}

export function hardWired(code: string, ids: readonly string[]): { readonly line: number; readonly text: string }[] {
  const words = ids.map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const pattern = new RegExp(
    [`(?:(?:sm|label|chip)-|--)(?:${words})\\b`, `(?<=['"\`.])(?:${words})(?![\\w-])`, `(?<![\\w.-])(?:${words})(?=\\s*:(?!:))`].join('|'),
    'g',
  );
  const out: { line: number; text: string }[] = [];
  stripComments(code)
    .split('\n')
    .forEach((text, i) => {
      if (pattern.test(text)) out.push({ line: i + 1, text: text.trim() });
      pattern.lastIndex = 0;
    });
  return out;
}

const IDS = DEFAULT_SCHEMA.labels.map((l) => l.id);

test('the detector: what counts as naming a label, and what does not', () => {
  const hit = (code: string) => hardWired(code, IDS).length > 0;
  assert.ok(hit(`if (label === 'claim') x();`));
  assert.ok(hit(`const k = "casualty";`));
  assert.ok(hit('::highlight(sm-deployment-0) { }'));
  assert.ok(hit('.label-claim .glyph { background: var(--claim-ink); }'));
  assert.ok(hit("type L = 'claim' | 'casualty';"));
  assert.ok(hit('labels.claim.count'));
  assert.ok(!hit('// a claim is an assertion'));
  assert.ok(!hit('/* casualty\n deployment */ const a = 1;'));
  assert.ok(!hit("import { claimPort } from './claim-port.js';"));
  assert.ok(!hit('const claims = 1; const reclaim = 2;'));
  assert.ok(hit('const o = { casualty: 1 };'));
  assert.ok(!hit('const claim = await claimPort(x); if (claim.kind) return claim;'));
});

test('no default label id outside src/labels/schema.ts (comments and the v1 contract excepted)', () => {
  const found: string[] = [];
  for (const dir of ['src', 'renderer', 'main']) {
    for (const path of files(join(ROOT, dir))) {
      const rel = relative(ROOT, path).split('\\').join('/');
      if (ALLOWED_FILES.has(rel) || !CODE.test(rel)) continue;
      for (const h of hardWired(readFileSync(path, 'utf8'), IDS)) found.push(`${rel}:${h.line}: ${h.text}`);
    }
  }
  assert.deepEqual(found, [], `label ids written in the code; read them from the schema instead:\n${found.join('\n')}`);
});
