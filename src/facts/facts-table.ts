// The facts table (issue 11, items 9 and 11): one row per annotation, one column per attribute, so
// an analyst's spans become a sheet of who/how many/where. The same rows feed the CLI (`spanmark
// facts`), the app's Facts view and both exports (csv.ts), so a figure reads the same everywhere.
//
// Columns, in order: document, document.date, id, label, start, end (code points, as in exports),
// quote, annotator; with `metadata` (the library's corpus facts) the article's source, url, author,
// language, tags and work status as document.*; then per attribute of the labels shown (schema order, a shared id such as
// `place` once): `<id>` (a quantity's number, a choice list joined by "; ", a link's target id),
// `<id>.qualifier` / `<id>.min` / `<id>.max` for quantities, `<id>.quote` for links; then any value
// an annotation holds for an attribute its label does not define (never dropped silently); then
// review.status (the document's) and review.decision (this annotation's, when a review decided it).
// Not here: how cells are written (csv.ts), shown or sorted (renderer/facts).

import type { Annotation } from '../annotations/types.js';
import type { AttributeDef, AttributeValue } from '../labels/attributes.js';
import { isQuantity } from '../labels/attribute-values.js';
import { utf16ToCodePoints } from '../text/offsets.js';

/** One cell: text, a number (offsets, counts), a boolean, or null for "not set". */
export type FactsCell = string | number | boolean | null;

export interface FactsColumn {
  /** Column name as written in CSV headers and JSON Lines keys. */
  readonly key: string;
  /** Whether its cells sort as numbers. */
  readonly numeric: boolean;
}

export interface FactsRow {
  /** Where the row comes from, for "jump to the span" (not a column). */
  readonly docId: string;
  readonly annotationId: string;
  readonly cells: Readonly<Record<string, FactsCell>>;
}

export interface FactsTable {
  readonly columns: readonly FactsColumn[];
  readonly rows: readonly FactsRow[];
}

/** What the table needs of a label: its id and attribute definitions (a LabelDef fits). */
export interface FactsLabel {
  readonly id: string;
  readonly attributes: readonly AttributeDef[];
}

/** A review decision as far as the table needs it (ReviewDecisionV1 fits). */
export interface FactsDecision {
  readonly annotator: string;
  readonly annotationId: string;
  readonly decision: string;
  readonly resultId?: string;
}

/** One document with its annotations; offsets in UTF-16 code units into `text`, as stored. */
export interface FactsDocument {
  /** Document identity (the text's sha256 in Spanmark). */
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly date?: string;
  readonly annotations: readonly Annotation[];
  readonly reviewStatus?: string;
  readonly decisions?: readonly FactsDecision[];
  /** Written only with options.metadata. */
  readonly metadata?: FactsMetadata;
}

export interface FactsOptions {
  /** Only annotations of this label (and only its attribute columns). */
  readonly label?: string;
  /** Also the article's metadata, as the METADATA_COLUMNS after the base columns (corpus facts). */
  readonly metadata?: boolean;
}

/** An article's metadata as the corpus facts show it (title and date are `document`, `document.date`). */
export interface FactsMetadata {
  readonly source?: string;
  readonly url?: string;
  readonly author?: string;
  readonly language?: string;
  readonly tags?: readonly string[];
  /** Where the analyst is with it (new, in-progress, done, reviewed). */
  readonly status?: string;
}

export const BASE_COLUMNS: readonly FactsColumn[] = [
  { key: 'document', numeric: false },
  { key: 'document.date', numeric: false },
  { key: 'id', numeric: false },
  { key: 'label', numeric: false },
  { key: 'start', numeric: true },
  { key: 'end', numeric: true },
  { key: 'quote', numeric: false },
  { key: 'annotator', numeric: false },
];

/** The article's metadata (options.metadata), after the base columns. */
export const METADATA_COLUMNS: readonly FactsColumn[] = [
  { key: 'document.source', numeric: false },
  { key: 'document.url', numeric: false },
  { key: 'document.author', numeric: false },
  { key: 'document.language', numeric: false },
  { key: 'document.tags', numeric: false },
  { key: 'document.status', numeric: false },
];

export const REVIEW_COLUMNS: readonly FactsColumn[] = [
  { key: 'review.status', numeric: false },
  { key: 'review.decision', numeric: false },
];

/** How several choices share one cell. */
export const CHOICE_JOINER = '; ';

export function buildFactsTable(documents: readonly FactsDocument[], labels: readonly FactsLabel[], options: FactsOptions = {}): FactsTable {
  // Attribute columns are those of the labels that have rows: known only after a first look.
  const present = new Set<string>();
  if (options.label === undefined) for (const d of documents) for (const a of d.annotations) present.add(a.label);
  const builder = factsBuilder(labels, options, present);
  for (const d of documents) builder.add(d);
  return builder.table();
}

export interface FactsBuilder {
  /** Adds a document's rows; the document itself is not kept (rows hold its strings, not it). */
  add(doc: FactsDocument): void;
  /** The table of every row added so far. */
  table(): FactsTable;
}

/**
 * buildFactsTable one document at a time, for a corpus read article by article (the library's
 * corpus facts): the same columns and rows as buildFactsTable over the same documents when its
 * label is given (options.label) or `present` names the labels that will have rows; without
 * either, every label of `labels` gets its attribute columns.
 */
export function factsBuilder(labels: readonly FactsLabel[], options: FactsOptions = {}, present?: ReadonlySet<string>): FactsBuilder {
  const wanted = (a: Annotation): boolean => options.label === undefined || a.label === options.label;
  const hasRows = (id: string): boolean => (options.label !== undefined ? id === options.label : present === undefined || present.has(id));

  // Attribute columns: schema order over the labels that have rows.
  const defs = new Map<string, AttributeDef[]>();
  const defsByLabel = new Map<string, Map<string, AttributeDef>>();
  for (const label of labels) {
    defsByLabel.set(label.id, new Map(label.attributes.map((d) => [d.id, d])));
    if (!hasRows(label.id)) continue;
    for (const def of label.attributes) {
      const list = defs.get(def.id);
      if (list) list.push(def);
      else defs.set(def.id, [def]);
    }
  }
  const lead: FactsColumn[] = [...BASE_COLUMNS, ...(options.metadata ? METADATA_COLUMNS : [])];
  for (const [id, list] of defs) {
    const key = attributeKey(id);
    const quantity = list.some((d) => d.type === 'quantity');
    const link = list.some((d) => d.type === 'link');
    lead.push({ key, numeric: quantity && list.every((d) => d.type === 'quantity') });
    if (quantity) lead.push({ key: `${key}.qualifier`, numeric: false }, { key: `${key}.min`, numeric: true }, { key: `${key}.max`, numeric: true });
    if (link) lead.push({ key: `${key}.quote`, numeric: false });
  }
  const known = new Set([...lead, ...REVIEW_COLUMNS].map((c) => c.key));
  // Values an annotation holds without its label defining them: kept (never dropped silently), in
  // first-seen order, as columns after the attributes.
  const extra = new Set<string>();
  const rows: FactsRow[] = [];

  return {
    add(doc) {
      const anns = doc.annotations.filter(wanted);
      if (anns.length === 0) return;
      for (const a of anns) {
        if (a.attributes === undefined) continue;
        const own = defsByLabel.get(a.label);
        for (const key of Object.keys(a.attributes)) if (!own?.has(key) && !defs.has(key)) extra.add(key);
      }
      const offsets = utf16ToCodePoints(
        doc.text,
        anns.flatMap((a) => [a.start, a.end]),
      );
      const byId = new Map(doc.annotations.map((a) => [a.id, a]));
      const decisionOf = reviewDecisions(doc);
      const meta = options.metadata ? metadataCells(doc) : undefined;
      anns.forEach((a, i) => {
        // No prototype: an attribute called "__proto__" is a column like any other.
        const cells = Object.create(null) as Record<string, FactsCell>;
        for (const k of known) cells[k] = null;
        cells['document'] = doc.title;
        cells['document.date'] = doc.date ?? null;
        cells['id'] = a.id;
        cells['label'] = a.label;
        cells['start'] = offsets[2 * i]!;
        cells['end'] = offsets[2 * i + 1]!;
        cells['quote'] = a.quote;
        cells['annotator'] = a.annotator;
        if (meta) Object.assign(cells, meta);
        for (const [id, value] of Object.entries(a.attributes ?? {})) {
          writeValue(cells, known, attributeKey(id), value, defsByLabel.get(a.label)?.get(id), byId);
        }
        cells['review.status'] = doc.reviewStatus ?? null;
        cells['review.decision'] = decisionOf(a);
        rows.push({ docId: doc.id, annotationId: a.id, cells });
      });
    },
    table() {
      const extraColumns = [...extra].map((id) => ({ key: attributeKey(id), numeric: false }));
      // A row made before an extra column was seen has no cell there: "not set", as in the others.
      if (extraColumns.length > 0)
        for (const r of rows) for (const c of extraColumns) if (!(c.key in r.cells)) (r.cells as Record<string, FactsCell>)[c.key] = null;
      return { columns: [...lead, ...extraColumns, ...REVIEW_COLUMNS], rows };
    },
  };
}

/** The article's metadata as cells: tags joined like choices, "not set" as null. */
function metadataCells(doc: FactsDocument): Record<string, FactsCell> {
  const m = doc.metadata ?? {};
  return {
    'document.source': m.source ?? null,
    'document.url': m.url ?? null,
    'document.author': m.author ?? null,
    'document.language': m.language ?? null,
    'document.tags': m.tags !== undefined && m.tags.length > 0 ? m.tags.join(CHOICE_JOINER) : null,
    'document.status': m.status ?? null,
  };
}

// An attribute named like a fixed column ("quote", "id") must not overwrite it.
const RESERVED = new Set([...BASE_COLUMNS, ...METADATA_COLUMNS, ...REVIEW_COLUMNS].map((c) => c.key));

/** The column an attribute's value goes in: its id, or `attr.<id>` when the id is a fixed column's name. */
export function attributeKey(id: string): string {
  return RESERVED.has(id) || id.startsWith('attr.') ? `attr.${id}` : id;
}

function writeValue(
  cells: Record<string, FactsCell>,
  known: ReadonlySet<string>,
  key: string,
  value: AttributeValue,
  def: AttributeDef | undefined,
  byId: ReadonlyMap<string, Annotation>,
): void {
  if (Array.isArray(value)) {
    cells[key] = value.join(CHOICE_JOINER);
  } else if (typeof value === 'object' && value !== null && isQuantity(value)) {
    if (!known.has(`${key}.qualifier`)) {
      // A quantity where its label defines none (an undefined attribute): kept whole, as JSON.
      cells[key] = JSON.stringify(value);
    } else if ('min' in value) {
      cells[`${key}.min`] = value.min;
      cells[`${key}.max`] = value.max;
    } else {
      cells[key] = value.value;
      cells[`${key}.qualifier`] = value.qualifier;
    }
  } else {
    cells[key] = value as string | boolean;
    if (def?.type === 'link' && typeof value === 'string' && known.has(`${key}.quote`)) cells[`${key}.quote`] = byId.get(value)?.quote ?? null;
  }
}

/** The decision a review made about an annotation: on it (a colleague's), or producing it (mine). */
function reviewDecisions(doc: FactsDocument): (a: Annotation) => string | null {
  const on = new Map<string, string>();
  const produced = new Map<string, string>();
  for (const d of doc.decisions ?? []) {
    on.set(`${d.annotator}\u0000${d.annotationId}`, d.decision);
    if (d.resultId !== undefined) produced.set(d.resultId, d.decision);
  }
  return (a) => {
    const direct = on.get(`${a.annotator}\u0000${a.id}`) ?? produced.get(a.id);
    if (direct !== undefined) return direct;
    if (a.provenance) return a.provenance.modified ? 'accepted-modified' : 'accepted';
    return null;
  };
}

/** The column keys in order, for writers. */
export function columnKeys(table: FactsTable): string[] {
  return table.columns.map((c) => c.key);
}
