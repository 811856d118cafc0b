// Reading electronegativity's issues and deciding the audit: pure, so the rules (what counts as
// above LOW, what an accepted false positive covers) are unit-tested without running the tool.

export interface Finding {
  readonly check: string;
  readonly severity: string;
  readonly confidence: string;
  readonly file: string;
  readonly location: string;
  readonly description: string;
  readonly url: string;
}

export interface AuditConfig {
  readonly excludedChecks: Readonly<Record<string, string>>;
  readonly acceptedFindings: readonly { readonly check: string; readonly file: string; readonly reason: string }[];
}

const SEVERITY_ORDER = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];

/** Above LOW: MEDIUM, HIGH and anything unknown (an unrecognised severity is not waved through). */
export function isAboveLow(severity: string): boolean {
  const rank = SEVERITY_ORDER.indexOf(severity.toUpperCase());
  return rank === -1 || rank > 1;
}

/** One issue as electronegativity's run() returns it (severity and confidence are {name} objects). */
export function toFinding(issue: unknown): Finding {
  const i = (issue ?? {}) as Record<string, unknown>;
  const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
  const name = (value: unknown): string =>
    typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string' ? (value as { name: string }).name : text(value);
  const location = i['location'] as { line?: unknown; column?: unknown } | undefined;
  const check = text(i['id']);
  return {
    check,
    severity: name(i['severity']),
    confidence: name(i['confidence']),
    file: text(i['file']),
    location: `${text(location?.line) || '0'}:${text(location?.column) || '0'}`,
    description: text(i['description']),
    url: `https://github.com/doyensec/electronegativity/wiki/${check}`,
  };
}

export function parseAuditConfig(json: unknown): AuditConfig {
  const value = json as Partial<AuditConfig> | null;
  const excluded = value?.excludedChecks;
  const accepted = value?.acceptedFindings;
  if (typeof excluded !== 'object' || excluded === null || !Array.isArray(accepted))
    throw new Error('electronegativity.json needs excludedChecks and acceptedFindings');
  for (const [check, reason] of Object.entries(excluded)) {
    if (typeof reason !== 'string' || reason.trim().length < 20) throw new Error(`excludedChecks.${check} needs a reason`);
  }
  accepted.forEach((entry, i) => {
    if (typeof entry?.check !== 'string' || typeof entry.file !== 'string' || typeof entry.reason !== 'string' || entry.reason.trim().length < 20) {
      throw new Error(`acceptedFindings[${i}] needs check, file and a reason`);
    }
  });
  return { excludedChecks: excluded, acceptedFindings: accepted };
}

export interface AuditVerdict {
  readonly blocking: Finding[];
  readonly accepted: (Finding & { readonly reason: string })[];
  readonly ignoredLow: number;
}

export function auditVerdict(findings: readonly Finding[], config: AuditConfig): AuditVerdict {
  const blocking: Finding[] = [];
  const accepted: (Finding & { reason: string })[] = [];
  let ignoredLow = 0;
  for (const finding of findings) {
    if (!isAboveLow(finding.severity)) {
      ignoredLow += 1;
      continue;
    }
    const entry = config.acceptedFindings.find((a) => a.check === finding.check && a.file === finding.file);
    if (entry === undefined) blocking.push(finding);
    else accepted.push({ ...finding, reason: entry.reason });
  }
  return { blocking, accepted, ignoredLow };
}
