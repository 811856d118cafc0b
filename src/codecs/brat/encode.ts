// Writes brat standoff pairs: the text as it is (LF) in name.txt and its annotations in name.ann,
// offsets in code points. brat ids must be a letter and a number, so annotations are renumbered
// T1, T2… in text order and links follow the new ids. What brat cannot carry is named by
// bratLosses: several annotators (no annotator field), attribute values that are not one word
// (a brat value ends at a space), lists, quantities, `false`, and links whose target is missing.

import type { AttributeValue } from '../../labels/attributes.js';
import type { LabelSchema } from '../../labels/schema.js';
import { utf16ToCodePoints } from '../../text/offsets.js';
import type { EncodeResult, InterchangeAnnotation, InterchangeDocument } from '../registry/format.js';
import { capabilityLosses, describeAnnotation, isLinkValue, LossCollector } from '../registry/losses.js';
import { utf8Bytes } from '../registry/text-bytes.js';
import { BRAT_CAPABILITIES } from './capabilities.js';

export const ATTRIBUTE_VALUE_LOSS = 'attribute values brat cannot write (not one word: spaces, lists, numbers, false)';
export const LINK_LOSS = 'links brat cannot write (target missing or not written, or a name with spaces)';
export const NOTE_LOSS = 'notes with tabs or line breaks (brat keeps a note on one line; written with spaces)';
export const LABEL_LOSS = 'labels brat cannot write (spaces or tabs in the label)';

/** A brat attribute value: `true` is a binary attribute; a string of one word is a valued one. */
function bratValue(value: AttributeValue): string | true | undefined {
  if (value === true) return true;
  if (typeof value === 'string' && /^[^\s]+$/u.test(value)) return value;
  return undefined;
}

const ORDER = (a: InterchangeAnnotation, b: InterchangeAnnotation): number => a.start - b.start || b.end - a.end;

export function bratLosses(documents: readonly InterchangeDocument[], schema: LabelSchema): LossCollector {
  const out = capabilityLosses(BRAT_CAPABILITIES, documents, schema);
  for (const doc of documents) {
    const byId = new Map(doc.annotations.map((a) => [a.id, a]));
    for (const a of doc.annotations) {
      if (!/^\S+$/u.test(a.label)) out.add(LABEL_LOSS, describeAnnotation(a));
      if (a.note !== undefined && /[\t\n]/.test(a.note)) out.add(NOTE_LOSS, describeAnnotation(a));
      for (const [k, v] of Object.entries(a.attributes ?? {})) {
        if (isLinkValue(schema, doc, a, k, v)) {
          const target = typeof v === 'string' ? byId.get(v) : undefined;
          if (target === undefined || !/^\S+$/u.test(k) || !/^\S+$/u.test(target.label)) out.add(LINK_LOSS, `${describeAnnotation(a)} ${k}`);
        } else if (bratValue(v) === undefined || !/^\S+$/u.test(k)) out.add(ATTRIBUTE_VALUE_LOSS, `${describeAnnotation(a)} ${k}`);
      }
    }
  }
  return out;
}

export function docFileBase(baseName: string, documents: readonly InterchangeDocument[], i: number): string {
  return documents.length === 1 ? baseName : `${baseName}-${String(i + 1).padStart(String(documents.length).length, '0')}`;
}

export function encodeBrat(documents: readonly InterchangeDocument[], schema: LabelSchema, baseName: string): EncodeResult {
  const files: { name: string; bytes: Uint8Array }[] = [];
  documents.forEach((doc, i) => {
    const base = docFileBase(baseName, documents, i);
    files.push({ name: `${base}.txt`, bytes: utf8Bytes(doc.text) });
    files.push({ name: `${base}.ann`, bytes: utf8Bytes(encodeAnn(doc, schema)) });
  });
  return { files, losses: bratLosses(documents, schema).losses() };
}

function encodeAnn(doc: InterchangeDocument, schema: LabelSchema): string {
  const anns = doc.annotations.filter((a) => /^\S+$/u.test(a.label)).sort(ORDER);
  const ids = new Map<string, string>();
  anns.forEach((a, i) => ids.set(a.id, `T${i + 1}`));
  const offsets: number[] = [];
  for (const a of anns) for (const f of a.fragments ?? [a]) offsets.push(f.start, f.end);
  const cps = utf16ToCodePoints(doc.text, offsets);
  const lines: string[] = [];
  const attributes: string[] = [];
  const relations: string[] = [];
  const notes: string[] = [];
  let k = 0;
  for (const a of anns) {
    const t = ids.get(a.id)!;
    const frags = (a.fragments ?? [a]).map(() => `${cps[k++]} ${cps[k++]}`).join(';');
    const quote = (a.fragments ?? [a]).map((f) => doc.text.slice(f.start, f.end)).join(' ');
    lines.push(`${t}\t${a.label} ${frags}\t${quote.replace(/\n/g, ' ')}`);
    for (const [name, value] of Object.entries(a.attributes ?? {})) {
      if (isLinkValue(schema, doc, a, name, value)) {
        const target = typeof value === 'string' ? ids.get(value) : undefined;
        if (target !== undefined && /^\S+$/u.test(name)) relations.push(`R${relations.length + 1}\t${name} Arg1:${t} Arg2:${target}\t`);
        continue;
      }
      const v = bratValue(value);
      if (v === undefined || !/^\S+$/u.test(name)) continue;
      attributes.push(`A${attributes.length + 1}\t${name} ${t}${v === true ? '' : ` ${v}`}`);
    }
    if (a.note !== undefined && a.note !== '') notes.push(`#${notes.length + 1}\tAnnotatorNotes ${t}\t${a.note.replace(/[\t\n]/g, ' ')}`);
  }
  const all = [...lines, ...attributes, ...relations, ...notes];
  return all.length === 0 ? '' : `${all.join('\n')}\n`;
}
