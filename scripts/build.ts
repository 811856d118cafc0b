// Bundles every entry point named in electron.config.ts with esbuild and copies the renderer's
// static files. One build serves Electron, the browser fallback, the e2e tests and the benchmark.

import { build } from 'esbuild';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildEntries, rendererStatic, type BuildEntry } from '../electron.config.js';
import { CONTENT_SECURITY_POLICY } from '../src/platform/csp.js';

const root = join(import.meta.dirname, '..');
const only = process.argv.slice(2);
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

async function bundle(name: string, e: BuildEntry): Promise<void> {
  if (!existsSync(join(root, e.entry))) {
    console.log(`build: skipped ${name} (${e.entry} not present)`);
    return;
  }
  await build({
    entryPoints: [join(root, e.entry)],
    outfile: join(root, e.outfile),
    bundle: true,
    platform: e.platform,
    format: e.format,
    target: e.platform === 'node' ? 'node20' : 'chrome120',
    external: [...(e.external ?? [])],
    sourcemap: true,
    // SPANMARK_NO_MINIFY=1 keeps function names, for reading a CPU profile of the page.
    minify: e.platform === 'browser' && !process.env['SPANMARK_NO_MINIFY'],
    jsx: 'automatic',
    define: { SPANMARK_VERSION: JSON.stringify(version), ...(e.platform === 'browser' ? { 'process.env.NODE_ENV': '"production"' } : {}) },
    banner: name === 'cli' ? { js: '#!/usr/bin/env node' } : {},
    logLevel: 'warning',
  });
  // The command-line tool runs as ./dist/cli/spanmark.cjs too, not only through npm's bin link.
  if (name === 'cli') chmodSync(join(root, e.outfile), 0o755);
}

const entries = Object.entries(buildEntries).filter(([name]) => only.length === 0 || only.includes(name));
if (only.length === 0) rmSync(join(root, 'dist'), { recursive: true, force: true });
mkdirSync(join(root, rendererStatic.to), { recursive: true });
cpSync(join(root, rendererStatic.from), join(root, rendererStatic.to), { recursive: true });
// The page carries the same policy as the response header (for hosts that send none), written
// from the one constant; frame-ancestors is header-only and ignored in a meta tag.
const indexHtml = join(root, rendererStatic.to, 'index.html');
const metaPolicy = CONTENT_SECURITY_POLICY.split('; ')
  .filter((d) => !d.startsWith('frame-ancestors'))
  .join('; ');
writeFileSync(indexHtml, readFileSync(indexHtml, 'utf8').replace('%SPANMARK_CSP%', metaPolicy));
await Promise.all(entries.map(([name, e]) => bundle(name, e)));
for (const [, e] of entries) mkdirSync(dirname(join(root, e.outfile)), { recursive: true });
console.log(`build: ${entries.map(([n]) => n).join(', ')} -> dist/`);
