// The typed configuration of Spanmark's build and package: the entry points scripts/build.ts bundles
// with esbuild, and electron-builder's options scripts/dist.ts packages with. Typed, so a wrong key
// fails `npm run typecheck` even on machines where packaging cannot run.

import type { Configuration } from 'electron-builder';

export interface BuildEntry {
  /** Source file, relative to the repo root. */
  readonly entry: string;
  /** Output file, relative to the repo root. */
  readonly outfile: string;
  readonly platform: 'node' | 'browser';
  readonly format: 'cjs' | 'esm' | 'iife';
  /** Modules left to the runtime (electron itself). */
  readonly external?: readonly string[];
}

export const buildEntries = {
  main: { entry: 'main/app/main.ts', outfile: 'dist/main/main.cjs', platform: 'node', format: 'cjs', external: ['electron'] },
  preload: { entry: 'main/preload/preload.ts', outfile: 'dist/main/preload.cjs', platform: 'node', format: 'cjs', external: ['electron'] },
  renderer: { entry: 'renderer/index.tsx', outfile: 'dist/renderer/app.js', platform: 'browser', format: 'esm' },
  // Parses, validates and stores imports off the window's main thread (renderer/io/import-client.ts).
  importWorker: { entry: 'renderer/io/import-worker.ts', outfile: 'dist/renderer/import-worker.js', platform: 'browser', format: 'iife' },
  // Parses article feeds, hashes and stores a batch of articles off the main thread (renderer/io/corpus-client.ts).
  corpusWorker: { entry: 'renderer/io/corpus-worker.ts', outfile: 'dist/renderer/corpus-worker.js', platform: 'browser', format: 'iife' },
  // Places a document's spans in its replaced text off the main thread (renderer/anchoring/reanchor-client.ts).
  reanchorWorker: { entry: 'renderer/anchoring/reanchor-worker.ts', outfile: 'dist/renderer/reanchor-worker.js', platform: 'browser', format: 'iife' },
  cli: { entry: 'main/node/cli.ts', outfile: 'dist/cli/spanmark.cjs', platform: 'node', format: 'cjs' },
} as const satisfies Record<string, BuildEntry>;

/** Static renderer files copied next to the bundle (index.html, styles, the bundled sample article). */
export const rendererStatic = { from: 'renderer/static', to: 'dist/renderer' } as const;

/**
 * electron-builder's options for `npm run dist`. Only the bundles ship: the renderer and main are
 * self-contained esbuild outputs, so node_modules stays out of app.asar. Icons come from build/:
 * icon.png (512x512) is generated from icon.svg with
 * `convert -background none -density 96 build/icon.svg -resize 512x512 png32:build/icon.png`
 * and electron-builder derives the .ico and .icns from it.
 */
/**
 * The Electron release packaged, told to electron-builder explicitly rather than read from
 * node_modules/electron (which may hold no binary: npm never runs its download here). Must stay on a
 * supported major (the newest three; see the README) and equal the installed `electron` package,
 * which tests/unit/main/electron-config.test.ts checks.
 */
export const ELECTRON_VERSION = '45.5.0';

export const builder: Configuration = {
  appId: 'org.spanmark.app',
  electronVersion: ELECTRON_VERSION,
  productName: 'Spanmark',
  copyright: 'Copyright © Spanmark contributors',
  directories: { output: 'release', buildResources: 'build' },
  files: ['dist/main/**', 'dist/renderer/**', 'package.json', '!node_modules/**'],
  asar: true,
  // No native modules: nothing to rebuild, so packaging needs no compiler.
  npmRebuild: false,
  icon: 'build/icon.png',
  // Release builds only; the Electron end-to-end tests run the unpackaged app, since Playwright's
  // _electron needs the inspect arguments these fuses turn off.
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    // The app is served from app://spanmark, never file://: file pages get no extra privileges.
    grantFileProtocolExtraPrivileges: false,
  },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    maintainer: 'Spanmark maintainers <maintainers@spanmark.invalid>',
    synopsis: 'Annotation workbench for news and open-source intelligence analysts',
    executableName: 'spanmark',
  },
  deb: { priority: 'optional' },
  win: { target: ['nsis'] },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
  mac: { target: ['dmg'], category: 'public.app-category.productivity', hardenedRuntime: true },
};
