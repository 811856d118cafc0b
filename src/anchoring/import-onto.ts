// Importing annotations made on another version of a text the library already holds (an updated
// wire story: a corrected figure, an added paragraph, re-flowed whitespace). Which stored article is
// "the same document" is decided here, and the file's spans are placed on the library's text with
// the re-anchoring every text change uses (./reanchor.ts): position first when the quote is still
// there, else the quote with its context, searched approximately. Nothing is dropped: a span that
// cannot be placed is an orphan with its quote, context and offsets in the file's text (code
// points, as the export contract counts). Pure: the caller looks the candidates up and stores.

import { utf16ToCodePoints } from '../text/offsets.js';
import { quoteContext, reanchorText, type ReanchorReport } from './reanchor.js';

/** What is needed of a stored article to decide whether it is the file's document. */
export interface CopyHead {
  readonly id: string;
  readonly sha256: string;
  readonly title: string;
  readonly url?: string | undefined;
}

export type CopyMatch = { readonly copy: CopyHead; readonly by: 'id' | 'url' | 'title' };

/**
 * The library's copy of a file's document when its text differs, or undefined (a new document, or
 * the same text, which needs nothing). `byId`: stored articles under the file's document id (or
 * its hash); `byUrl` / `byTitle`: stored articles with its url / title. An id names one document;
 * a url or title only when exactly one article has it (two are a guess), and only when the texts
 * look alike (`alike`), so an unrelated article that shares a title like "Update" is left alone.
 */
export function chooseLibraryCopy(
  doc: { readonly sha256: string; readonly title: string; readonly url?: string | undefined },
  found: { readonly byId: readonly CopyHead[]; readonly byUrl: readonly CopyHead[]; readonly byTitle: readonly CopyHead[] },
  alike: (copy: CopyHead) => boolean,
): CopyMatch | undefined {
  const all = [...found.byId, ...found.byUrl, ...found.byTitle];
  if (all.some((c) => c.sha256 === doc.sha256)) return undefined;
  const byId = found.byId[0];
  if (byId) return { copy: byId, by: 'id' };
  const unique = (list: readonly CopyHead[]): CopyHead | undefined => (new Set(list.map((c) => c.id)).size === 1 ? list[0] : undefined);
  const byUrl = doc.url ? unique(found.byUrl.filter((c) => c.url === doc.url)) : undefined;
  if (byUrl && alike(byUrl)) return { copy: byUrl, by: 'url' };
  const byTitle = doc.title.trim() !== '' ? unique(found.byTitle.filter((c) => c.title === doc.title)) : undefined;
  if (byTitle && alike(byTitle)) return { copy: byTitle, by: 'title' };
  return undefined;
}

/** Word sequences of this length are compared: short enough to survive edits, long enough to mean something. */
const SHINGLE = 3;
/**
 * At least this share of the shorter text's word sequences must also be in the other: a short
 * story with a sentence rewritten and a paragraph added keeps about 40 %, another story on the
 * same events in the same words keeps next to none.
 */
const ALIKE = 0.3;

/**
 * Whether two texts look like versions of one document: the share of the shorter one's three-word
 * sequences found in the other. Whitespace and case are ignored (re-flowing changes nothing); an
 * empty text is like nothing.
 */
export function textsLookAlike(a: string, b: string): boolean {
  const sa = shingles(a);
  const sb = shingles(b);
  const [small, large] = sa.size <= sb.size ? [sa, sb] : [sb, sa];
  if (small.size === 0) return false;
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared / small.size >= ALIKE;
}

function shingles(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
  const out = new Set<string>();
  if (words.length > 0 && words.length < SHINGLE) out.add(words.join(' '));
  for (let i = 0; i + SHINGLE <= words.length; i++) out.add(words.slice(i, i + SHINGLE).join(' '));
  return out;
}

/** Where an orphan was in the text it was made on, as the export contract writes it (code points). */
export interface OrphanOrigin {
  readonly start: number;
  readonly end: number;
  readonly prefix: string;
  readonly suffix: string;
}

/** The origin of a span [start, end) (UTF-16) of `text`; undefined when the offsets do not fit the text. */
export function originIn(text: string, start: number, end: number): OrphanOrigin | undefined {
  try {
    const [s, e] = utf16ToCodePoints(text, [start, end]);
    if (s === undefined || e === undefined || !(e > s)) return undefined;
    return { start: s, end: e, ...quoteContext(text, start, end) };
  } catch {
    return undefined;
  }
}

export interface ImportReanchored {
  readonly report: ReanchorReport;
  /** For each orphan of the report, by id: where it was in the file's text. */
  readonly origins: ReadonlyMap<string, OrphanOrigin>;
}

/** Places the spans of `fileText` on `libraryText`, with each orphan's origin for the orphans list. */
export function reanchorImported(
  fileText: string,
  libraryText: string,
  spans: readonly { readonly id: string; readonly start: number; readonly end: number }[],
): ImportReanchored {
  const report = reanchorText(fileText, libraryText, spans);
  const origins = new Map<string, OrphanOrigin>();
  for (const o of report.orphans) {
    const origin = originIn(fileText, o.was.start, o.was.end);
    if (origin) origins.set(o.id, origin);
  }
  return { report, origins };
}

/** The import summary's words for re-anchored documents ("12 spans re-anchored, 3 moved, 1 orphan"). */
export interface ReanchorCounts {
  readonly documents: number;
  readonly spans: number;
  readonly moved: number;
  readonly orphans: number;
}

export function describeReanchoring(c: ReanchorCounts, keptOrphans = 0): string {
  const n = (k: number, one: string, many = `${one}s`) => `${k} ${k === 1 ? one : many}`;
  const parts: string[] = [];
  if (c.documents > 0) {
    parts.push(
      `${c.documents === 1 ? 'The library’s copy of the document has' : `${c.documents} of the library’s documents have`} a changed text: ${n(c.spans, 'span')} re-anchored, ${c.moved} moved (to confirm), ${n(c.orphans, 'orphan')}.`,
    );
  }
  if (keptOrphans > 0) parts.push(`${n(keptOrphans, 'orphan')} from the file kept with ${keptOrphans === 1 ? 'its' : 'their'} quote.`);
  return parts.join(' ');
}
