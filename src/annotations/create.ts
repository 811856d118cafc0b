// Building and editing annotations from a selection: the only place a quote is cut from the text,
// so a stored quote always equals text.slice(start, end).

import type { LabelId } from '../labels/schema.js';
import { splitsSurrogatePair } from '../text/offsets.js';
import { fail, ok, type Result } from '../result.js';
import type { Annotation } from './types.js';

/** Longest note we store; longer notes are refused, never cut. */
export const MAX_NOTE_CHARS = 10_000;

export interface NewAnnotation {
  readonly id: string;
  readonly docId: string;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly label: LabelId;
  readonly annotator: string;
  readonly now: string;
}

export function checkSpan(text: string, start: number, end: number): Result<void> {
  if (!Number.isInteger(start) || !Number.isInteger(end)) return fail('bad-span', 'Span offsets must be whole numbers.');
  if (start < 0 || end > text.length) return fail('bad-span', `Span ${start}..${end} lies outside the text (0..${text.length}).`);
  if (end <= start) return fail('bad-span', 'The selection is empty.');
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) {
    return fail('bad-span', 'The selection splits a character in two.');
  }
  return ok(undefined);
}

export function createAnnotation(input: NewAnnotation): Result<Annotation> {
  const span = checkSpan(input.text, input.start, input.end);
  if (!span.ok) return span;
  return ok({
    id: input.id,
    docId: input.docId,
    label: input.label,
    start: input.start,
    end: input.end,
    quote: input.text.slice(input.start, input.end),
    annotator: input.annotator,
    createdAt: input.now,
    updatedAt: input.now,
  });
}

export function relabel(a: Annotation, label: LabelId, now: string): Annotation {
  return { ...a, label, updatedAt: now };
}

export function withNote(a: Annotation, note: string, now: string): Result<Annotation> {
  if (note.length > MAX_NOTE_CHARS) return fail('note-too-long', `Notes are limited to ${MAX_NOTE_CHARS} characters.`);
  const trimmed = note.trim();
  const { note: _old, ...rest } = a;
  return ok(trimmed.length > 0 ? { ...rest, note: trimmed, updatedAt: now } : { ...rest, updatedAt: now });
}

export function withSpan(a: Annotation, text: string, start: number, end: number, now: string): Result<Annotation> {
  const span = checkSpan(text, start, end);
  if (!span.ok) return span;
  return ok({ ...a, start, end, quote: text.slice(start, end), updatedAt: now });
}
