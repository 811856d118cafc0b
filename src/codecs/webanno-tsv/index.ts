// WebAnno TSV 3.3, the line format INCEpTION and WebAnno export and import: a `#FORMAT=WebAnno TSV
// 3.3` line, layer declarations (`#T_SP=layer|feature|…` for span layers, `#T_CH` chains, `#T_RL`
// relations), then per sentence its `#Text=` line(s) and one line per token:
// `sentence-token <TAB> begin-end <TAB> token <TAB> one column per feature of every layer`.
// Offsets count UTF-16 code units although the file is UTF-8 (an emoji is 2). In a feature column
// `_` means no annotation, `*` an annotation whose feature is empty; stacked annotations on one
// token are separated by `|`, and a span over several tokens carries a disambiguation id
// (`LOC[3]`) on each of its tokens; reserved characters are escaped with `\`.
//
// Read: every span layer, the label from its `value` feature (else its first feature; `*` gives
// the layer's short name); sub-token lines (`1-3.1`) are spans' units like tokens. Other features,
// chains and relations are named in a warning and not imported. The text is each sentence's
// #Text lines joined by newlines, placed at its first token's offset; what lies between sentences
// (the file does not say) becomes newlines. Every token's text is checked against that text.
// Written: one named-entity layer; sentences are the text's lines (a line of only whitespace
// joins the sentence before it, so the whole text comes back), tokens from registry/tokenize.ts
// further cut wherever a span starts or ends, so every span is exact unless it starts or ends in
// whitespace.

import type { LabelSchema } from '../../labels/schema.js';
import { normalizeNewlines } from '../../text/newlines.js';
import { splitsSurrogatePair } from '../../text/offsets.js';
import type {
  Capabilities,
  DecodeResult,
  EncodeResult,
  FormatCodec,
  FormatProblem,
  InputFile,
  InterchangeAnnotation,
  InterchangeDocument,
} from '../registry/format.js';
import { capabilityLosses, describeAnnotation, LossCollector } from '../registry/losses.js';
import { headText, stem, utf8Bytes, utf8Text } from '../registry/text-bytes.js';
import { splitAt, tokenize } from '../registry/tokenize.js';
import { escapeTsv, splitUnescaped, unescapeTsv } from './escape.js';

export const WEBANNO_CAPABILITIES: Capabilities = {
  overlaps: true,
  discontinuous: false,
  attributes: false,
  notes: false,
  links: false,
  annotators: false,
  exactText: true,
  offsetUnit: 'utf16',
};

export const NE_LAYER = 'de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity';
export const WHITESPACE_EDGE_LOSS = 'spans starting or ending in whitespace (trimmed to their first and last token)';
export const NO_TOKEN_LOSS = 'spans covering only whitespace';

interface Layer {
  readonly kind: 'T_SP' | 'T_CH' | 'T_RL';
  readonly name: string;
  readonly features: readonly string[];
  /** First column of this layer in a token line (0-based, after the three fixed columns). */
  readonly column: number;
  /** Index of the label feature among features, for span layers. */
  readonly labelFeature: number;
}

interface Sentence {
  textLines: string[];
  firstLine: number;
  tokens: { begin: number; end: number; text: string; line: number }[];
}

/** A cell that holds no value: no annotation, or annotations whose feature is empty. */
const PLACEHOLDERS = /^(?:_|\*(?:\[\d+(?:_\d+)?\])?(?:\|\*(?:\[\d+(?:_\d+)?\])?)*)$/;
const FORMAT_RE = /^#FORMAT=WebAnno TSV (3(?:\.\d+)?)\s*$/;

export function decodeWebAnno(files: readonly InputFile[]): DecodeResult {
  const problems: FormatProblem[] = [];
  const documents: InterchangeDocument[] = [];
  const labels = new Set<string>();
  for (const file of files) {
    const doc = decodeFile(file, problems);
    if (doc === undefined) continue;
    for (const a of doc.annotations) labels.add(a.label);
    documents.push(doc);
  }
  const refused = problems.some((p) => p.severity === 'error');
  return { documents: refused ? [] : documents, labels: [...labels].map((id) => ({ id, name: id })), problems, offsetUnitFound: 'utf16' };
}

function decodeFile(file: InputFile, problems: FormatProblem[]): InterchangeDocument | undefined {
  const decoded = utf8Text(file);
  if ('problem' in decoded) {
    problems.push(decoded.problem);
    return undefined;
  }
  const before = problems.length;
  const at = (line: number): string => `${file.name}:${line}`;
  const error = (line: number, message: string): void => void problems.push({ severity: 'error', where: at(line), message: `${at(line)}: ${message}` });
  const warn = (line: number, message: string): void => void problems.push({ severity: 'warning', where: at(line), message: `${at(line)}: ${message}` });

  // Lines split at LF only: a CR before it is line-ending noise, but a CR inside #Text is text.
  const lines = decoded.text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  const format = FORMAT_RE.exec(lines[0] ?? '');
  if (format === null) {
    error(1, `the first line must be "#FORMAT=WebAnno TSV 3.3", but it is "${(lines[0] ?? '').slice(0, 60)}".`);
    return undefined;
  }
  if (format[1] !== '3.3') warn(1, `the file says WebAnno TSV ${format[1]}; it was read as 3.3.`);

  const layers: Layer[] = [];
  let column = 0;
  let i = 1;
  for (; i < lines.length; i++) {
    const m = /^#(T_SP|T_CH|T_RL)=([^|]+)(?:\|(.*))?$/.exec(lines[i]!);
    if (m === null) break;
    const features = m[3] === undefined || m[3] === '' ? [] : m[3].split('|');
    const valueIndex = features.indexOf('value');
    const labelFeature = valueIndex >= 0 ? valueIndex : features.findIndex((f) => !f.startsWith('ROLE_') && !f.startsWith('BT_'));
    layers.push({ kind: m[1] as Layer['kind'], name: m[2]!, features, column, labelFeature });
    // A layer with no feature still has one column (its annotations are `*`).
    column += Math.max(features.length, 1);
  }
  for (const l of layers) if (l.kind !== 'T_SP') warn(1, `the ${l.kind === 'T_CH' ? 'chain' : 'relation'} layer ${l.name} is not imported.`);
  // Features other than the label are named only when some token has a value for them.
  const unread = new Map<string, number>();

  const sentences: Sentence[] = [];
  const spanCells: { layer: Layer; cell: string; token: { begin: number; end: number }; line: number }[] = [];
  let current: Sentence | undefined;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    const n = i + 1;
    if (line.startsWith('#Text=')) {
      if (current === undefined || current.tokens.length > 0) {
        current = { textLines: [], firstLine: n, tokens: [] };
        sentences.push(current);
      }
      current.textLines.push(line.slice('#Text='.length));
      continue;
    }
    if (line.trim() === '' || line.startsWith('#')) continue;
    const cols = line.split('\t');
    const m = /^(\d+)-(\d+)(?:\.(\d+))?$/.exec(cols[0] ?? '');
    const offs = /^(\d+)-(\d+)$/.exec(cols[1] ?? '');
    if (m === null || offs === null || cols.length < 3) {
      error(n, `a token line must start "sentence-token<TAB>begin-end<TAB>token", but reads "${line.slice(0, 60)}".`);
      continue;
    }
    if (current === undefined) {
      error(n, 'a token line comes before any #Text= line.');
      continue;
    }
    current.tokens.push({ begin: Number(offs[1]), end: Number(offs[2]), text: unescapeTsv(cols[2]!), line: n });
    for (const layer of layers) {
      if (layer.kind !== 'T_SP') continue;
      const cell = cols[3 + layer.column + Math.max(layer.labelFeature, 0)];
      if (cell === undefined) {
        error(n, `the line has no column for ${layer.name} (expected ${3 + column} columns).`);
        continue;
      }
      spanCells.push({ layer, cell, token: current.tokens[current.tokens.length - 1]!, line: n });
      layer.features.forEach((feature, k) => {
        const other = cols[3 + layer.column + k];
        if (k !== layer.labelFeature && other !== undefined && !PLACEHOLDERS.test(other) && !unread.has(`${layer.name}|${feature}`))
          unread.set(`${layer.name}|${feature}`, n);
      });
    }
  }
  for (const [key, line] of unread) {
    const [layer, feature] = key.split('|');
    warn(line, `the feature "${feature}" of ${layer} has values; they are not imported (only the label).`);
  }
  if (problems.slice(before).some((p) => p.severity === 'error')) return undefined;

  // #Text lines are read escaped first (the format escapes reserved characters "in text"); a
  // writer that leaves them raw is accepted when its raw text, and only that, fits every token.
  let placed = placeSentences(sentences, true);
  if (placed.problems.length > 0) {
    const raw = placeSentences(sentences, false);
    if (raw.problems.length === 0) placed = raw;
  }
  for (const p of placed.problems) error(p.line, p.message);
  if (problems.slice(before).some((p) => p.severity === 'error')) return undefined;
  const text = placed.text;

  // Collect spans: an entry with [id] belongs to the span of that id; one without is a single-token span.
  const spans = new Map<string, { label: string; start: number; end: number; line: number }>();
  for (const { layer, cell, token, line } of spanCells) {
    if (cell === '_') continue;
    splitUnescaped(cell, '|').forEach((entry, k) => {
      const m = /^(.*?)(?:\[(\d+)(?:_\d+)?\])?$/s.exec(entry)!;
      const raw = m[1]!;
      const label = raw === '*' || raw === '' ? shortName(layer.name) : unescapeTsv(raw);
      const key = m[2] !== undefined ? `${layer.name}#${m[2]}` : `${layer.name}@${line}:${k}`;
      const prior = spans.get(key);
      if (prior === undefined) spans.set(key, { label, start: token.begin, end: token.end, line });
      else {
        prior.start = Math.min(prior.start, token.begin);
        prior.end = Math.max(prior.end, token.end);
      }
    });
  }
  const annotations: InterchangeAnnotation[] = [];
  for (const s of spans.values()) {
    if (splitsSurrogatePair(text, s.start) || splitsSurrogatePair(text, s.end)) {
      error(s.line, `a span at ${s.start}-${s.end} splits a character (a UTF-16 surrogate pair).`);
      continue;
    }
    annotations.push({ id: `a${annotations.length + 1}`, label: s.label, start: s.start, end: s.end, quote: text.slice(s.start, s.end) });
  }
  return { title: stem(file.name), text, annotations };
}

/** The document text from the sentences, and every token checked against it. */
function placeSentences(sentences: readonly Sentence[], unescape: boolean): { text: string; problems: { line: number; message: string }[] } {
  const problems: { line: number; message: string }[] = [];
  const pieces: string[] = [];
  let length = 0;
  for (const s of sentences) {
    const joined = s.textLines.join('\n');
    const sText = unescape ? unescapeTsv(joined) : joined;
    const first = s.tokens[0];
    if (first === undefined) {
      problems.push({ line: s.firstLine, message: 'the sentence has no token lines.' });
      continue;
    }
    const within = sText.indexOf(first.text);
    const start = first.begin - Math.max(within, 0);
    if (within < 0 || start < length) {
      problems.push({
        line: first.line,
        message: `the sentence cannot be placed: its first token "${first.text}" at ${first.begin} does not fit its #Text or overlaps the sentence before.`,
      });
      continue;
    }
    pieces.push('\n'.repeat(start - length), sText);
    length = start + sText.length;
  }
  const text = pieces.join('');
  for (const s of sentences) {
    for (const t of s.tokens) {
      const actual = text.slice(t.begin, t.end);
      if (t.end <= t.begin || actual !== t.text) {
        problems.push({
          line: t.line,
          message: `the token "${t.text}" at ${t.begin}-${t.end} (UTF-16 code units) does not match the sentence text there ("${actual}").`,
        });
      }
    }
  }
  return { text, problems };
}

function shortName(layer: string): string {
  return layer.slice(layer.lastIndexOf('.') + 1);
}

interface Cut {
  readonly start: number;
  readonly end: number;
}

/** Sentences of the written file: from a line with a token to just before the next such line. */
function sentenceCuts(text: string, tokens: readonly Cut[]): Cut[] {
  const cuts: Cut[] = [];
  let lineStart = 0;
  for (const t of tokens) {
    const ls = text.lastIndexOf('\n', t.start - 1) + 1;
    if (cuts.length === 0) {
      cuts.push({ start: 0, end: text.length });
      lineStart = ls;
    } else if (ls !== lineStart) {
      lineStart = ls;
      // The sentence before ends at its last newline run's start, so newlines are the gap between.
      let end = ls;
      while (end > 0 && text[end - 1] === '\n') end--;
      const prev = cuts.pop()!;
      cuts.push({ start: prev.start, end: Math.max(end, prev.start) });
      cuts.push({ start: ls, end: text.length });
    }
  }
  return cuts;
}

function planTokens(doc: InterchangeDocument, losses: LossCollector): { tokens: Cut[]; spans: { a: InterchangeAnnotation; first: number; last: number }[] } {
  const bounds: number[] = [];
  for (const a of doc.annotations) bounds.push(a.start, a.end);
  const tokens = splitAt(tokenize(doc.text), bounds);
  const spans: { a: InterchangeAnnotation; first: number; last: number }[] = [];
  for (const a of doc.annotations) {
    let first = -1;
    let last = -1;
    // Tokens are sorted: find the first that ends after the start by binary search.
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (tokens[mid]!.end <= a.start) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < tokens.length && tokens[k]!.start < a.end; k++) {
      if (first < 0) first = k;
      last = k;
    }
    if (first < 0) {
      losses.add(NO_TOKEN_LOSS, describeAnnotation(a));
      continue;
    }
    if (tokens[first]!.start !== a.start || tokens[last]!.end !== a.end) losses.add(WHITESPACE_EDGE_LOSS, describeAnnotation(a));
    spans.push({ a, first, last });
  }
  return { tokens, spans };
}

export function webAnnoLosses(documents: readonly InterchangeDocument[], schema: LabelSchema): LossCollector {
  const losses = capabilityLosses(WEBANNO_CAPABILITIES, documents, schema);
  for (const doc of documents) planTokens(doc, losses);
  return losses;
}

export function encodeWebAnno(documents: readonly InterchangeDocument[], schema: LabelSchema, baseName: string): EncodeResult {
  const files = documents.map((doc, i) => {
    const { tokens, spans } = planTokens(doc, new LossCollector());
    const cells = tokens.map(() => [] as { label: string; id: string }[]);
    let nextId = 1;
    // A span gets an id when it covers several tokens or shares a token with another span.
    const count = new Array<number>(tokens.length).fill(0);
    for (const s of spans) for (let k = s.first; k <= s.last; k++) count[k]! += 1;
    const sorted = [...spans].sort((x, y) => x.first - y.first || y.last - x.last);
    for (const s of sorted) {
      let needsId = s.first !== s.last;
      for (let k = s.first; k <= s.last && !needsId; k++) needsId = count[k]! > 1;
      const id = needsId ? `[${nextId++}]` : '';
      for (let k = s.first; k <= s.last; k++) cells[k]!.push({ label: escapeTsv(s.a.label), id });
    }
    const out = ['#FORMAT=WebAnno TSV 3.3', `#T_SP=${NE_LAYER}|identifier|value`, '', ''];
    let t = 0;
    sentenceCuts(doc.text, tokens).forEach((cut, s) => {
      for (const line of doc.text.slice(cut.start, cut.end).split('\n')) out.push(`#Text=${escapeTsv(line)}`);
      for (let k = 1; t < tokens.length && tokens[t]!.start < cut.end; t++, k++) {
        const tok = tokens[t]!;
        const stack = cells[t]!;
        const identifier = stack.length === 0 ? '_' : stack.map((c) => `*${c.id}`).join('|');
        const value = stack.length === 0 ? '_' : stack.map((c) => `${c.label}${c.id}`).join('|');
        out.push(`${s + 1}-${k}\t${tok.start}-${tok.end}\t${escapeTsv(doc.text.slice(tok.start, tok.end))}\t${identifier}\t${value}\t`);
      }
      out.push('');
    });
    const name = documents.length === 1 ? `${baseName}.tsv` : `${baseName}-${String(i + 1).padStart(String(documents.length).length, '0')}.tsv`;
    return { name, bytes: utf8Bytes(`${out.join('\n')}\n`) };
  });
  return { files, losses: webAnnoLosses(documents, schema).losses() };
}

export const webAnnoCodec: FormatCodec = {
  id: 'webanno-tsv',
  name: 'INCEpTION / WebAnno TSV 3.3',
  extensions: ['tsv'],
  capabilities: WEBANNO_CAPABILITIES,
  sniff: (files: readonly InputFile[]) => files.length > 0 && files.every((f) => FORMAT_RE.test(normalizeNewlines(headText(f, 64)).split('\n')[0] ?? '')),
  decode: decodeWebAnno,
  losses: (documents, schema) => webAnnoLosses(documents, schema).losses(),
  encode: encodeWebAnno,
};
