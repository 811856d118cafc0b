// ESLint for the whole tree (`npm run lint`, and a step of `npm test`): typescript-eslint's
// type-checked recommendations, promises that must be awaited or handled, and the layer rules of
// ARCHITECTURE.md ("Dependency rules, checked by machine") as import restrictions. The layer
// tsconfigs check the same rules a second way (src/ compiles without DOM or Node types), and
// tests/unit/lint/ plants a violation of each rule and expects it to fire.
//
// Formatting is Prettier's job (`npm run format`), so no stylistic rules here.

import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { layerFolders } from './eslint/layer-folders.js';

/** A pattern matching a package and its subpaths (react/jsx-runtime, fs/promises), but not a
 * relative file that shares a name (./path.js). The names here hold no regex metacharacters. */
const packages = (...names) => `^(?:${names.join('|')})(?:/|$)`;

/** Bare specifiers a layer may not import, with the reason. */
const banned = {
  node: { regex: `^node:|${packages(...builtinModules.filter((m) => !m.startsWith('_')))}`, message: 'Node built-ins belong to main/app and main/node.' },
  react: { regex: packages('react', 'react-dom'), message: 'React belongs to renderer/.' },
  dexie: { regex: packages('dexie', 'dexie-react-hooks'), message: 'Dexie (IndexedDB) belongs to renderer/.' },
  electron: { regex: packages('electron'), message: 'Electron belongs to main/app and main/preload.' },
  playwright: { regex: packages('playwright', 'playwright-core', '@playwright/test'), message: 'Playwright belongs to main/node and tests/.' },
};

/** A layer's import rules: the folders it may import from, and the packages it may not. */
function layer(folder, allow, bans, extra = {}) {
  const groups = bans.map((b) => banned[b]);
  return {
    files: [`${folder}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': ['error', { patterns: groups.map((g) => ({ regex: g.regex, message: `${folder}/: ${g.message}` })) }],
      'spanmark/layer-folders': ['error', { layer: folder, allow, dynamicPackages: groups.map((g) => g.regex) }],
      ...extra,
    },
  };
}

/** Globals of the DOM and of Node that the pure core must not touch (ARCHITECTURE.md: src/ has no
 * DOM or Node). The tsconfig's `lib: ES2023` makes them type errors too; this rule also names them. */
const coreForbiddenGlobals = [
  ...[
    'window',
    'document',
    'navigator',
    'location',
    'history',
    'localStorage',
    'sessionStorage',
    'indexedDB',
    'fetch',
    'XMLHttpRequest',
    'self',
    'alert',
    'requestAnimationFrame',
  ].map((name) => ({ name, message: 'src/ is the pure core: no DOM; take what you need as a parameter.' })),
  ...['process', 'Buffer', 'require', 'module', 'global', '__dirname', '__filename', 'setImmediate'].map((name) => ({
    name,
    message: 'src/ is the pure core: no Node; take what you need as a parameter.',
  })),
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'release/', 'test-results/', 'playwright-report/', '.cache/', 'docs/', 'build/'] },

  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { spanmark: { rules: { 'layer-folders': layerFolders } } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A promise nobody awaits loses its rejection silently: handle it, or `void` it with a reason.
      // node:test's test()/describe() return promises the runner itself awaits and reports.
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'it', 'describe', 'suite'] }] },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
      // tsc already reports unused locals and parameters (noUnusedLocals/noUnusedParameters), with
      // `_`-prefixed names allowed; a second report of the same thing only adds noise.
      '@typescript-eslint/no-unused-vars': 'off',
      // An `async` function without `await` is how this code implements a Promise-returning
      // interface (Platform, IPC handlers, injected fs/dialog fakes) so that a throw becomes a
      // rejection; the rule would push those to Promise.resolve() wrappers that lose that.
      '@typescript-eslint/require-await': 'off',
      // Control characters in regular expressions are deliberate here: paths, file names and
      // terminal output are checked for (or cleaned of) \x00-\x1f and ANSI escapes.
      'no-control-regex': 'off',
    },
  },
  {
    // Tests read JSON the code under test printed or encoded (JSON.parse gives `any`) and assert on
    // its shape; the assertion is the check, so typing every read would add casts, not safety.
    files: ['tests/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },

  // The layers (ARCHITECTURE.md, "Dependency rules").
  layer('src', ['src'], ['node', 'react', 'dexie', 'electron', 'playwright'], { 'no-restricted-globals': ['error', ...coreForbiddenGlobals] }),
  layer('renderer', ['src', 'renderer'], ['node', 'electron', 'playwright']),
  // The open document's session reaches storage only through its SessionStore (renderer/store/session-store.ts).
  layer('renderer/store', ['src', 'renderer/store', 'renderer/app'], ['node', 'electron', 'playwright', 'dexie']),
  layer('main/app', ['src', 'main/app'], ['react', 'dexie', 'playwright']),
  layer('main/preload', ['src/platform', 'main/preload'], ['node', 'react', 'dexie', 'playwright']),
  layer('main/node', ['src', 'main/node'], ['react', 'dexie', 'electron']),

  // Plain JavaScript (this file, the local rule) is in no tsconfig project: lint it without types.
  { files: ['**/*.js'], extends: [tseslint.configs.disableTypeChecked], languageOptions: { globals: { console: 'readonly' } } },
);
