// The script URLs of the app's own Workers, as the page's Trusted Types enforcement wants them. The
// CSP allows one policy (src/platform/csp.ts names it) and a policy name can be created only once
// per page, so every worker's URL comes from this one policy, which allows exactly the listed
// worker files of our own origin and nothing else.

/** The one Trusted Types policy the CSP allows. */
export const WORKER_POLICY = 'spanmark-import-worker';

/** The bundles electron.config.ts builds beside app.js that may run as Workers. */
export const WORKER_FILES = ['import-worker.js', 'corpus-worker.js', 'reanchor-worker.js'] as const;
export type WorkerFile = (typeof WORKER_FILES)[number];

interface TrustedTypesApi {
  createPolicy(name: string, rules: { createScriptURL(url: string): string }): { createScriptURL(url: string): unknown };
}

let policy: { createScriptURL(url: string): unknown } | null | undefined;

/** The worker's URL, trusted when the browser enforces Trusted Types; the policy is made once per page. */
export function workerScriptUrl(file: WorkerFile): unknown {
  const url = new URL(file, document.baseURI).href;
  if (policy === undefined) {
    const tt = (globalThis as { trustedTypes?: TrustedTypesApi }).trustedTypes;
    const allowed = new Set(WORKER_FILES.map((f) => new URL(f, document.baseURI).href));
    const only = (u: string): string => {
      if (!allowed.has(u)) throw new TypeError(`${u} is not one of Spanmark's workers`);
      return u;
    };
    policy = tt ? tt.createPolicy(WORKER_POLICY, { createScriptURL: only }) : null;
  }
  return policy ? policy.createScriptURL(url) : url;
}
