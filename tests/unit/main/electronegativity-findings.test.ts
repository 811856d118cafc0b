import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { auditVerdict, isAboveLow, parseAuditConfig, toFinding } from '../../../tests/electron/electronegativity-findings.js';

const issue = (id: string, severity: string, file: string) => ({
  id,
  severity: { name: severity, value: 0 },
  confidence: { name: 'FIRM' },
  file,
  location: { line: 3, column: 4 },
  description: `about ${id}`,
});
const config = parseAuditConfig({
  excludedChecks: { SomeGlobalCheck: 'needs the network, so it cannot run offline' },
  acceptedFindings: [{ check: 'PRELOAD_JS_CHECK', file: 'main/app/window.ts', reason: 'reviewed: the preload exposes only invokes' }],
});

test('only MEDIUM and above (and unknown severities) count', () => {
  assert.deepEqual(['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL', 'low', 'BOGUS', ''].map(isAboveLow), [
    false,
    false,
    true,
    true,
    true,
    false,
    true,
    true,
  ]);
});

test('an accepted false positive covers its check in its file only', () => {
  const verdict = auditVerdict(
    [
      issue('PRELOAD_JS_CHECK', 'MEDIUM', 'main/app/window.ts'),
      issue('PRELOAD_JS_CHECK', 'MEDIUM', 'main/app/other-window.ts'),
      issue('NODE_INTEGRATION_JS_CHECK', 'HIGH', 'main/app/window.ts'),
      issue('ELECTRON_VERSION_JSON_CHECK', 'INFORMATIONAL', 'package.json'),
      issue('SANDBOX_JS_CHECK', 'LOW', 'main/app/🙂 ملف.ts'),
    ].map(toFinding),
    config,
  );
  assert.deepEqual(
    verdict.accepted.map((f) => `${f.check} ${f.file}`),
    ['PRELOAD_JS_CHECK main/app/window.ts'],
  );
  assert.deepEqual(
    verdict.blocking.map((f) => `${f.check} ${f.file}:${f.location}`),
    ['PRELOAD_JS_CHECK main/app/other-window.ts:3:4', 'NODE_INTEGRATION_JS_CHECK main/app/window.ts:3:4'],
  );
  assert.equal(verdict.ignoredLow, 2);
});

test('a malformed issue is a blocking finding, never silently dropped', () => {
  const verdict = auditVerdict([toFinding(null), toFinding({ id: 'X', severity: 'MEDIUM' })], config);
  assert.equal(verdict.blocking.length, 2);
});

test('every exclusion and acceptance needs a reason; the project config has them', () => {
  assert.throws(() => parseAuditConfig({ excludedChecks: { A: '' }, acceptedFindings: [] }), /excludedChecks\.A needs a reason/);
  assert.throws(() => parseAuditConfig({ excludedChecks: {}, acceptedFindings: [{ check: 'A', file: 'b' }] }), /acceptedFindings\[0\]/);
  assert.throws(() => parseAuditConfig(null), /needs excludedChecks/);
  const project = parseAuditConfig(JSON.parse(readFileSync(new URL('../../electron/electronegativity.json', import.meta.url), 'utf8')));
  for (const entry of project.acceptedFindings) assert.doesNotMatch(entry.file, /[*?]/, 'an acceptance names one file, never a pattern');
});
