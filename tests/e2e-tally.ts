// How `npm test` (run-all.ts) counts the end-to-end run: from Playwright's JSON report, and as a
// failure whenever Playwright failed in a way no test accounts for (its web server could not
// start, global setup threw, no report was written). A run that starts no test must never pass:
// once, a port left taken by an earlier run stopped the web server and CI still printed
// "0 failed" and exited 0.

export interface E2eReport {
  readonly stats: { readonly expected: number; readonly unexpected: number; readonly flaky: number; readonly skipped: number };
  /** Errors outside any test (web server, global setup), as Playwright's JSON reporter lists them. */
  readonly errors?: readonly unknown[];
}

export interface E2eTally {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  /** Playwright failed outside its tests: counted as one more failure, with the reason. */
  readonly broken?: string;
}

export function tallyE2e(status: number, report: E2eReport | undefined): E2eTally {
  if (report === undefined) return { passed: 0, failed: 0, skipped: 0, ...(status !== 0 ? { broken: 'Playwright wrote no report' } : {}) };
  const { expected, unexpected, flaky, skipped } = report.stats;
  const counted = { passed: expected + flaky, failed: unexpected, skipped };
  if ((report.errors?.length ?? 0) > 0) return { ...counted, broken: `Playwright reported ${report.errors!.length} error(s) outside the tests` };
  if (status !== 0 && unexpected === 0) return { ...counted, broken: `Playwright exited with ${status} and no test failed` };
  return counted;
}
