// `npm run audit:electron` and a step of `npm test`: Doyensec's electronegativity over the Electron
// sources (main/app, main/preload and the package.json it reads the Electron version from). It reads
// .js/.ts/.html, not the .cjs bundles, so it gets a copy of the TypeScript sources in a temporary
// folder (node_modules and the rest of the repo left out). Offline it works: its two downloads
// (translations, the release list) fail softly, and the release-list check is excluded with its
// reason in electronegativity.json. Fails on any finding above LOW that is not accepted there.

import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditVerdict, parseAuditConfig, toFinding } from './electronegativity-findings.js';

type Run = (options: Record<string, unknown>) => Promise<{ issues: unknown[]; errors: unknown[] }>;

const root = join(import.meta.dirname, '..', '..');
const config = parseAuditConfig(JSON.parse(readFileSync(join(import.meta.dirname, 'electronegativity.json'), 'utf8')));
// Its API, not its CLI: the CLI's CSV report is written by two racing asynchronous writes.
const run = createRequire(import.meta.url)('@doyensec/electronegativity') as Run;

const work = mkdtempSync(join(tmpdir(), 'spanmark-electronegativity-'));
let failed = true;
try {
  for (const part of ['main/app', 'main/preload', 'package.json']) cpSync(join(root, part), join(work, 'app', part), { recursive: true });
  const result = await run({ input: join(work, 'app'), isRelative: true, excludeFromScan: Object.keys(config.excludedChecks) });
  for (const error of result.errors) console.log(`could not parse: ${JSON.stringify(error)}`);
  const verdict = auditVerdict(result.issues.map(toFinding), config);
  for (const finding of verdict.accepted) console.log(`accepted  ${finding.severity} ${finding.check} ${finding.file}: ${finding.reason}`);
  for (const finding of verdict.blocking)
    console.log(`FINDING   ${finding.severity} ${finding.check} ${finding.file}:${finding.location} ${finding.description} (${finding.url})`);
  console.log(
    `electronegativity: ${verdict.ignoredLow} finding(s) at LOW or below, ${verdict.accepted.length} accepted false positive(s), ${verdict.blocking.length} above LOW, ${result.errors.length} file(s) it could not parse`,
  );
  failed = verdict.blocking.length > 0 || result.errors.length > 0;
} catch (error) {
  console.error(`electronegativity did not run: ${String(error)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`electronegativity: ${failed ? 0 : 1} passed, ${failed ? 1 : 0} failed`);
process.exit(failed ? 1 : 0);
