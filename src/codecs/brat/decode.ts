// Reads brat standoff pairs (name.txt + name.ann), as brat's own documentation describes them:
// T text-bound annotations (several fragments `0 5;10 15` for a discontinuous span), A/M
// attributes (binary `A1\tNegated T1`, valued `A2\tLevel T1 High`), R relations (kept as link
// attributes named by the relation type on Arg1, valued with Arg2's id), and `#` AnnotatorNotes
// (kept as notes). Offsets count code points of the .txt read with universal newlines (a CRLF is
// one character), so the text is normalised first and every offset converted to UTF-16 here.
// Every span's text is checked against the .ann's own text column (fragments joined by one space);
// a mismatch refuses the pair with file:line. Not carried: events (E), equivalences (*),
// normalisations (N) — named in a warning, never dropped silently.

import type { AttributeValue } from '../../labels/attributes.js';
import { normalizeNewlines } from '../../text/newlines.js';
import { codePointLength } from '../../text/offsets.js';
import type { DecodeResult, FormatProblem, InputFile, InterchangeAnnotation, InterchangeDocument } from '../registry/format.js';
import { extensionOf, stem, utf8Text } from '../registry/text-bytes.js';

interface Pair {
  txt?: InputFile;
  ann?: InputFile;
}

export function decodeBrat(files: readonly InputFile[]): DecodeResult {
  const pairs = new Map<string, Pair>();
  const problems: FormatProblem[] = [];
  for (const f of files) {
    const ext = extensionOf(f.name);
    if (ext !== 'txt' && ext !== 'ann') {
      problems.push({ severity: 'warning', where: f.name, message: `${f.name} is neither a .txt nor a .ann file; it was not read.` });
      continue;
    }
    const key = f.name.slice(0, f.name.length - 4);
    const pair = pairs.get(key) ?? {};
    pair[ext] = f;
    pairs.set(key, pair);
  }
  const documents: InterchangeDocument[] = [];
  const labels = new Map<string, string>();
  for (const [key, pair] of pairs) {
    if (pair.txt === undefined) {
      problems.push({
        severity: 'error',
        where: pair.ann!.name,
        message: `${pair.ann!.name} has no ${stem(key)}.txt beside it: brat offsets need the text they count in.`,
      });
      continue;
    }
    const doc = decodePair(pair.txt, pair.ann, problems);
    if (doc === undefined) continue;
    for (const a of doc.annotations) labels.set(a.label, a.label);
    documents.push(doc);
  }
  const refused = problems.some((p) => p.severity === 'error');
  return {
    documents: refused ? [] : documents,
    labels: [...labels].map(([id, name]) => ({ id, name })),
    problems,
    offsetUnitFound: 'codepoint',
  };
}

interface Draft {
  id: string;
  label: string;
  fragments: { start: number; end: number }[];
  quote: string;
  notes: string[];
  attributes: Record<string, AttributeValue>;
}

function decodePair(txtFile: InputFile, annFile: InputFile | undefined, problems: FormatProblem[]): InterchangeDocument | undefined {
  const decoded = utf8Text(txtFile);
  if ('problem' in decoded) {
    problems.push(decoded.problem);
    return undefined;
  }
  const text = normalizeNewlines(decoded.text);
  const title = stem(txtFile.name);
  if (annFile === undefined) return { title, text, annotations: [] };
  const annDecoded = utf8Text(annFile);
  if ('problem' in annDecoded) {
    problems.push(annDecoded.problem);
    return undefined;
  }
  const before = problems.length;
  const error = (line: number, message: string): void => void problems.push({ severity: 'error', where: `${annFile.name}:${line}`, message });
  const warn = (line: number, message: string): void => void problems.push({ severity: 'warning', where: `${annFile.name}:${line}`, message });

  const lines = normalizeNewlines(annDecoded.text).split('\n');
  const toUnits = codePointBoundaries(text);
  const drafts = new Map<string, Draft>();
  // T lines already refused: what refers to them is not reported again.
  const refusedIds = new Set<string>();
  // Events and the like, named in a warning: attributes, notes and relations on them are too.
  const notImported = new Set<string>();
  // Attributes, relations and notes may name a T line that comes later: resolved after all T lines.
  const later: { line: number; fields: string[] }[] = [];
  lines.forEach((raw, i) => {
    const n = i + 1;
    if (raw.trim() === '') return;
    const fields = raw.split('\t');
    const id = fields[0]!;
    if (/^T\S+$/.test(id)) {
      const draft = parseTextBound(text, toUnits, fields, n, error);
      if (draft === undefined) return void refusedIds.add(id);
      if (drafts.has(id)) return error(n, `the id ${id} is used twice.`);
      drafts.set(id, draft);
    } else if (/^[AMR#]/.test(id)) later.push({ line: n, fields });
    else {
      notImported.add(id);
      warn(
        n,
        `${id.slice(0, 1) === '*' ? 'an equivalence (*)' : `the annotation ${id}`} is a kind Spanmark does not carry (events, equivalences, normalisations); it was not imported.`,
      );
    }
  });

  for (const { line, fields } of later) {
    const id = fields[0]!;
    const parts = (fields[1] ?? '').split(' ').filter((s) => s !== '');
    const refs = parts.map((p) => p.replace(/^[^:]*:/, ''));
    if (refs.some((r) => refusedIds.has(r))) continue;
    const skipped = refs.find((r) => notImported.has(r));
    if (skipped !== undefined) {
      warn(line, `${id} refers to ${skipped}, which is not imported, so it is not imported either.`);
      continue;
    }
    if (id.startsWith('#')) {
      const [kind, target] = parts;
      const draft = target === undefined ? undefined : drafts.get(target);
      if (kind !== 'AnnotatorNotes') {
        warn(line, `the comment ${id} is of type "${kind ?? ''}"; only AnnotatorNotes become notes, so it was not imported.`);
      } else if (draft === undefined) error(line, `the note ${id} refers to ${target ?? 'nothing'}, which is no text-bound annotation of this file.`);
      else draft.notes.push(fields.slice(2).join('\t'));
    } else if (id.startsWith('R')) {
      const [type, ...args] = parts;
      // Arguments by role name when they are Arg1/Arg2 (in either order), else by position.
      const roles = args.map((a) => /^([^:]+):(\S+)$/.exec(a));
      const role = (name: string, index: number): string | undefined => (roles.find((r) => r?.[1] === name) ?? roles[index])?.[2];
      const a1 = role('Arg1', 0);
      const a2 = role('Arg2', 1);
      const from = a1 === undefined ? undefined : drafts.get(a1);
      if (type === undefined || from === undefined || a2 === undefined || !drafts.has(a2)) {
        error(line, `the relation ${id} must read "Type Arg1:T… Arg2:T…" with two text-bound annotations of this file.`);
      } else if (Object.hasOwn(from.attributes, type)) {
        warn(line, `${a1} already has a "${type}" link; the relation ${id} to ${a2} was not imported (a link attribute holds one target).`);
      } else setOwn(from.attributes, type, a2);
    } else {
      const [name, target, value, ...extra] = parts;
      const draft = target === undefined ? undefined : drafts.get(target);
      if (name === undefined || draft === undefined || extra.length > 0) {
        error(line, `the attribute ${id} must read "Name T…" or "Name T… Value" naming a text-bound annotation of this file.`);
      } else if (Object.hasOwn(draft.attributes, name)) warn(line, `${target} already has the attribute "${name}"; ${id} was not imported.`);
      else setOwn(draft.attributes, name, value ?? true);
    }
  }
  if (problems.length > before && problems.slice(before).some((p) => p.severity === 'error')) return undefined;

  const annotations: InterchangeAnnotation[] = [...drafts.values()].map((d) => {
    const first = d.fragments[0]!;
    const last = d.fragments[d.fragments.length - 1]!;
    return {
      id: d.id,
      label: d.label,
      start: first.start,
      end: last.end,
      ...(d.fragments.length > 1 ? { fragments: d.fragments } : {}),
      quote: d.quote,
      ...(d.notes.length > 0 ? { note: d.notes.join('\n') } : {}),
      ...(Object.keys(d.attributes).length > 0 ? { attributes: d.attributes } : {}),
    };
  });
  return { title, text, annotations };
}

/**
 * The UTF-16 offset of every code point boundary of the text (index = code point offset), built
 * once per text: converting each T line's offsets by scanning from the start would make a long
 * document with many annotations quadratic.
 */
function codePointBoundaries(text: string): Uint32Array {
  const out = new Uint32Array(codePointLength(text) + 1);
  let unit = 0;
  let cp = 0;
  for (const ch of text) {
    out[cp++] = unit;
    unit += ch.length;
  }
  out[cp] = unit;
  return out;
}

function parseTextBound(text: string, toUnits: Uint32Array, fields: string[], n: number, error: (line: number, m: string) => void): Draft | undefined {
  const id = fields[0]!;
  const m = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(fields[1] ?? '');
  if (m === null) {
    error(n, `the text-bound annotation ${id} must read "Type start end" (fragments separated by ";"), but reads "${fields[1] ?? ''}".`);
    return undefined;
  }
  const cps = m[2]!.split(/[ ;]/).map(Number);
  const units = cps.map((cp) => (cp < toUnits.length ? toUnits[cp] : undefined));
  const fragments: { start: number; end: number }[] = [];
  for (let k = 0; k < cps.length; k += 2) {
    const start = units[k];
    const end = units[k + 1];
    if (start === undefined || end === undefined) {
      error(n, `${id}'s fragment ${cps[k]} ${cps[k + 1]} is outside the text (${toUnits.length - 1} characters, counted as code points).`);
      return undefined;
    }
    if (end <= start) {
      error(n, `${id}'s fragment ${cps[k]} ${cps[k + 1]} is empty or reversed.`);
      return undefined;
    }
    const prev = fragments[fragments.length - 1];
    if (prev !== undefined && start < prev.end) {
      error(n, `${id}'s fragments overlap or are out of order.`);
      return undefined;
    }
    fragments.push({ start, end });
  }
  const quote = fragments.map((f) => text.slice(f.start, f.end)).join(' ');
  const column = fields.slice(2).join('\t');
  // brat's text column cannot hold a line break; writers put a space there instead.
  if (fields.length < 3 || (column !== quote && column !== quote.replace(/\n/g, ' '))) {
    error(n, `${id} covers "${quote}" in the text, but the file says "${column}": the offsets do not match the text.`);
    return undefined;
  }
  return { id, label: m[1]!, fragments, quote, notes: [], attributes: {} };
}

/** Assigns as an own property even for a name like "__proto__", which `=` would treat as the prototype. */
function setOwn(target: Record<string, AttributeValue>, key: string, value: AttributeValue): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
