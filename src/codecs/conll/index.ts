// CoNLL-2003 style named-entity files: one token per line with its tag in the last column
// (`Almaty B-LOC`, or the four columns `EU NNP B-NP B-ORG`), sentences separated by blank lines
// (a run of blank lines is one separator), documents by `-DOCSTART-` lines. Tags are IOB2
// (`B-` starts every span); IOB1 (`I-` starts a span, `B-` only between two spans of one type) and
// the E-/S- tags of IOBES (and U-/L- of BILOU) are read too. The file holds tokens only, so the text is rebuilt: tokens
// joined by one space, sentences by one newline. Export cuts the text into tokens with
// registry/tokenize.ts and into sentences at line breaks, writes `token TAG` lines in IOB2, and
// names what is lost: overlaps and nesting (outer span kept), discontinuity, spans that start or
// end inside a token (widened to whole tokens), notes, attributes, links, annotators.

import type { LabelSchema } from '../../labels/schema.js';
import { normalizeNewlines } from '../../text/newlines.js';
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
import { capabilityLosses, describeAnnotation, keepNonOverlapping, LOSS, LossCollector } from '../registry/losses.js';
import { extensionOf, headText, stem, utf8Bytes, utf8Text } from '../registry/text-bytes.js';
import { tokenize, type TokenRange } from '../registry/tokenize.js';

export const CONLL_CAPABILITIES: Capabilities = {
  overlaps: false,
  discontinuous: false,
  attributes: false,
  notes: false,
  links: false,
  annotators: false,
  exactText: false,
  offsetUnit: 'token',
};

export const PARTIAL_TOKEN_LOSS = 'spans starting or ending inside a token (widened to whole tokens)';
export const NO_TOKEN_LOSS = 'spans covering no token (only whitespace)';
export const LINE_BREAK_LOSS = 'spans across a line break (a sentence ends there, so they are split in two)';
export const LABEL_LOSS = 'labels CoNLL cannot write (containing whitespace)';

const TAG = /^(?:O|[BIESUL]-\S+)$/;
const DOCSTART = '-DOCSTART-';

interface Tok {
  readonly text: string;
  readonly tag: string;
  readonly line: number;
}

export function decodeConll(files: readonly InputFile[]): DecodeResult {
  const problems: FormatProblem[] = [];
  const documents: InterchangeDocument[] = [];
  const labels = new Set<string>();
  for (const file of files) {
    const decoded = utf8Text(file);
    if ('problem' in decoded) {
      problems.push(decoded.problem);
      continue;
    }
    const docs = splitDocuments(file.name, decoded.text, problems);
    docs.forEach((sentences, i) => {
      const doc = buildDocument(sentences, docs.length > 1 ? `${stem(file.name)} (${i + 1})` : stem(file.name), file.name, problems);
      for (const a of doc.annotations) labels.add(a.label);
      documents.push(doc);
    });
  }
  const refused = problems.some((p) => p.severity === 'error');
  return { documents: refused ? [] : documents, labels: [...labels].map((id) => ({ id, name: id })), problems, offsetUnitFound: 'token' };
}

function splitDocuments(name: string, content: string, problems: FormatProblem[]): Tok[][][] {
  const docs: Tok[][][] = [];
  let doc: Tok[][] = [];
  let sentence: Tok[] = [];
  const endSentence = (): void => {
    if (sentence.length > 0) doc.push(sentence);
    sentence = [];
  };
  const endDoc = (): void => {
    endSentence();
    if (doc.length > 0) docs.push(doc);
    doc = [];
  };
  normalizeNewlines(content)
    .split('\n')
    .forEach((raw, i) => {
      const line = i + 1;
      const cols = raw.split(/[ \t]+/).filter((c) => c !== '');
      if (cols.length === 0) return endSentence();
      if (cols[0] === DOCSTART) return endDoc();
      const tag = cols[cols.length - 1]!;
      if (cols.length < 2 || !TAG.test(tag)) {
        problems.push({
          severity: 'error',
          where: `${name}:${line}`,
          message: `${name}:${line} must hold a token and a tag (O, B-…, I-…) as its last column, but reads "${raw.slice(0, 80)}".`,
        });
        return;
      }
      sentence.push({ text: cols[0]!, tag, line });
    });
  endDoc();
  return docs;
}

function buildDocument(sentences: readonly Tok[][], title: string, name: string, problems: FormatProblem[]): InterchangeDocument {
  // Pieces joined once at the end: slicing a string built by += copies it, per span.
  const pieces: string[] = [];
  let length = 0;
  const spans: { label: string; start: number; end: number }[] = [];
  let iob1 = false;
  let open: { label: string; start: number; end: number } | undefined;
  const close = (): void => {
    if (open !== undefined) spans.push(open);
    open = undefined;
  };
  const append = (s: string): void => {
    pieces.push(s);
    length += s.length;
  };
  sentences.forEach((sentence, s) => {
    if (s > 0) append('\n');
    sentence.forEach((tok, t) => {
      if (t > 0) append(' ');
      const start = length;
      append(tok.text);
      const end = length;
      // BILOU's U (unit) and L (last) are IOBES's S and E.
      const kind = { U: 'S', L: 'E' }[tok.tag[0]!] ?? tok.tag[0]!;
      const label = tok.tag.slice(2);
      if (kind === 'O') return close();
      if (kind === 'B' || kind === 'S' || open === undefined || open.label !== label) {
        if (kind === 'I' && (open === undefined || open.label !== label)) iob1 = true;
        close();
        open = { label, start, end };
      } else open.end = end;
      if (kind === 'S' || kind === 'E') close();
    });
    close();
  });
  if (iob1) {
    problems.push({
      severity: 'warning',
      where: name,
      message: `${name} starts spans with I- tags, so it was read as IOB1 (an I- tag after O or another type begins a span).`,
    });
  }
  const text = pieces.join('');
  const annotations = spans.map((sp, i) => ({ id: `s${i + 1}`, label: sp.label, start: sp.start, end: sp.end, quote: text.slice(sp.start, sp.end) }));
  return { title, text, annotations };
}

/** Token index range each annotation covers after widening to whole tokens, or undefined. */
function tokenSpan(tokens: readonly TokenRange[], a: InterchangeAnnotation): { first: number; last: number } | undefined {
  // Tokens are sorted and disjoint: binary search for the first that ends after the start.
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid]!.end <= a.start) lo = mid + 1;
    else hi = mid;
  }
  let last = -1;
  for (let k = lo; k < tokens.length && tokens[k]!.start < a.end; k++) last = k;
  return last < 0 ? undefined : { first: lo, last };
}

interface Planned {
  readonly a: InterchangeAnnotation;
  readonly start: number;
  readonly end: number;
}

function plan(doc: InterchangeDocument, tokens: readonly TokenRange[], losses: LossCollector): Planned[] {
  const placed: Planned[] = [];
  for (const a of doc.annotations) {
    if (/\s/u.test(a.label) || a.label === '') {
      losses.add(LABEL_LOSS, describeAnnotation(a));
      continue;
    }
    const span = tokenSpan(tokens, a);
    if (span === undefined) {
      losses.add(NO_TOKEN_LOSS, describeAnnotation(a));
      continue;
    }
    if (tokens[span.first]!.start !== a.start || tokens[span.last]!.end !== a.end) losses.add(PARTIAL_TOKEN_LOSS, describeAnnotation(a));
    if (doc.text.slice(tokens[span.first]!.end, tokens[span.last]!.start).includes('\n')) losses.add(LINE_BREAK_LOSS, describeAnnotation(a));
    placed.push({ a, start: span.first, end: span.last + 1 });
  }
  const { kept, dropped } = keepNonOverlapping(placed);
  for (const p of dropped) losses.add(LOSS.overlaps, describeAnnotation(p.a));
  return kept;
}

export function conllLosses(documents: readonly InterchangeDocument[], schema: LabelSchema): LossCollector {
  // Overlaps are judged on the token-widened spans in plan(), where widening can create new ones.
  const losses = capabilityLosses({ ...CONLL_CAPABILITIES, overlaps: true }, documents, schema);
  for (const doc of documents) plan(doc, tokenize(doc.text), losses);
  return losses;
}

export function encodeConll(documents: readonly InterchangeDocument[], schema: LabelSchema, baseName: string): EncodeResult {
  const out: string[] = [];
  for (const doc of documents) {
    const tokens = tokenize(doc.text);
    const tags = new Array<string>(tokens.length).fill('O');
    for (const p of plan(doc, tokens, new LossCollector())) {
      for (let i = p.start; i < p.end; i++) {
        const opens = i === p.start || doc.text.slice(tokens[i - 1]!.end, tokens[i]!.start).includes('\n');
        tags[i] = `${opens ? 'B' : 'I'}-${p.a.label}`;
      }
    }
    out.push(`${DOCSTART} -X- -X- O`, '');
    tokens.forEach((t, i) => {
      const prev = tokens[i - 1];
      if (prev !== undefined && doc.text.slice(prev.end, t.start).includes('\n')) out.push('');
      out.push(`${doc.text.slice(t.start, t.end)} ${tags[i]}`);
    });
    if (tokens.length > 0) out.push('');
  }
  return { files: [{ name: `${baseName}.conll`, bytes: utf8Bytes(`${out.join('\n')}\n`) }], losses: conllLosses(documents, schema).losses() };
}

const CONLL_LINE = /^\S+(?:[ \t]+\S+)*[ \t]+(?:O|[BIESUL]-\S+)[ \t]*$/;

export const conllCodec: FormatCodec = {
  id: 'conll',
  name: 'CoNLL-2003 / IOB2',
  extensions: ['conll', 'iob', 'iob2', 'bio'],
  capabilities: CONLL_CAPABILITIES,
  sniff(files: readonly InputFile[]): boolean {
    return (
      files.length > 0 &&
      files.every((f) => {
        const lines = normalizeNewlines(headText(f)).split('\n').slice(0, 40);
        const content = lines.slice(0, -1).filter((l) => l.trim() !== '');
        if (content.length === 0) return ['conll', 'iob', 'iob2', 'bio'].includes(extensionOf(f.name));
        return content.every((l) => l.startsWith(DOCSTART) || CONLL_LINE.test(l));
      })
    );
  },
  decode: decodeConll,
  losses: (documents, schema) => conllLosses(documents, schema).losses(),
  encode: encodeConll,
};
