// What a format cannot carry, computed from its declared capabilities, so every codec names the same
// losses the same way (the dialog and the CLI show them before anything is written). A codec adds
// losses only it knows about (CoNLL's partial-token spans, brat's attribute values with spaces) on
// top of these. Not here: deciding what an encoder keeps when spans overlap — that is
// `keepNonOverlapping`, shared so that the report and the file agree.

import type { AttributeValue } from '../../labels/attributes.js';
import type { LabelSchema } from '../../labels/schema.js';
import type { Capabilities, InterchangeAnnotation, InterchangeDocument, Loss } from './format.js';

/** Examples named per loss: enough to find the spans, short enough to read. */
export const MAX_LOSS_EXAMPLES = 3;

/** How one annotation is named in a report: its quote (shortened) and label. */
export function describeAnnotation(a: InterchangeAnnotation): string {
  const chars = [...a.quote];
  const quote = chars.length > 40 ? `${chars.slice(0, 39).join('')}…` : a.quote;
  return `"${quote.replace(/\n/g, ' ')}" (${a.label})`;
}

/** Collects annotations per kind of loss, then reports each kind with a count and a few examples. */
export class LossCollector {
  private readonly byWhat = new Map<string, { count: number; examples: string[] }>();

  add(what: string, example: string): void {
    let entry = this.byWhat.get(what);
    if (entry === undefined) {
      entry = { count: 0, examples: [] };
      this.byWhat.set(what, entry);
    }
    entry.count += 1;
    if (entry.examples.length < MAX_LOSS_EXAMPLES) entry.examples.push(example);
  }

  losses(): Loss[] {
    return [...this.byWhat].map(([what, e]) => ({ what, count: e.count, examples: e.examples }));
  }
}

/**
 * Whether an attribute value is a link to another annotation. The schema decides for attributes it
 * defines; an attribute it does not know (a file's own, e.g. a brat relation type) is a link when
 * its value is the id of another annotation of the same document.
 */
export function isLinkValue(schema: LabelSchema, doc: InterchangeDocument, a: InterchangeAnnotation, key: string, value: AttributeValue): boolean {
  const def = schema.labels.find((l) => l.id === a.label)?.attributes.find((d) => d.id === key);
  if (def !== undefined) return def.type === 'link';
  return typeof value === 'string' && value !== a.id && idsOf(doc).has(value);
}

// Asked once per attribute of every annotation: a scan of the document each time would make a
// loss report of 10,000 annotations quadratic.
const idSets = new WeakMap<InterchangeDocument, ReadonlySet<string>>();
function idsOf(doc: InterchangeDocument): ReadonlySet<string> {
  let ids = idSets.get(doc);
  if (ids === undefined) {
    ids = new Set(doc.annotations.map((b) => b.id));
    idSets.set(doc, ids);
  }
  return ids;
}

/**
 * The annotations an encoder that cannot carry overlaps keeps: in text order (longer first at one
 * start), each one that overlaps none kept before it. So the outer span of a nest is kept.
 */
export function keepNonOverlapping<T extends { readonly start: number; readonly end: number }>(spans: readonly T[]): { kept: T[]; dropped: T[] } {
  const sorted = [...spans].sort((x, y) => x.start - y.start || y.end - x.end);
  const kept: T[] = [];
  const dropped: T[] = [];
  let reach = -1;
  for (const s of sorted) {
    if (s.start < reach) dropped.push(s);
    else {
      kept.push(s);
      reach = s.end;
    }
  }
  return { kept, dropped };
}

export const LOSS = {
  overlaps: 'overlapping or nested spans (the later or inner one is dropped)',
  discontinuous: 'discontinuous spans (kept as one span from the first fragment to the last)',
  attributes: 'attribute values',
  notes: 'notes',
  links: 'links between annotations',
  annotators: "annotators' names (several layers are written as one)",
} as const;

/**
 * The losses any format with these capabilities has for these documents. Counted per annotation
 * (an annotation with three attributes counts once under "attribute values").
 */
export function capabilityLosses(capabilities: Capabilities, documents: readonly InterchangeDocument[], schema: LabelSchema): LossCollector {
  const out = new LossCollector();
  for (const doc of documents) {
    if (!capabilities.overlaps) {
      for (const a of keepNonOverlapping(doc.annotations).dropped) out.add(LOSS.overlaps, describeAnnotation(a));
    }
    if (!capabilities.annotators) {
      const names = new Set(doc.annotations.map((a) => a.annotator ?? ''));
      if (names.size > 1) {
        for (const a of doc.annotations) out.add(LOSS.annotators, `${describeAnnotation(a)} by ${a.annotator ?? 'nobody named'}`);
      }
    }
    for (const a of doc.annotations) {
      if (!capabilities.discontinuous && a.fragments !== undefined && a.fragments.length > 1) out.add(LOSS.discontinuous, describeAnnotation(a));
      if (!capabilities.notes && a.note !== undefined && a.note !== '') out.add(LOSS.notes, describeAnnotation(a));
      const entries = Object.entries(a.attributes ?? {});
      const links = entries.filter(([k, v]) => isLinkValue(schema, doc, a, k, v));
      if (!capabilities.links && links.length > 0) out.add(LOSS.links, describeAnnotation(a));
      if (!capabilities.attributes && entries.length > links.length) out.add(LOSS.attributes, describeAnnotation(a));
    }
  }
  return out;
}
