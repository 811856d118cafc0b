// What the attribute form and links need from the app: saving a value (the same session command
// as every edit: painted, committed, acknowledged, undoable), deleting a span other spans link to
// (asked first; the links go in the same command, so one undo restores both), picking a link's
// target with a click in the text, the links drawn for the selected span, and the text last
// selected (for "fill from selection"). Kept out of App so App only wires it.

import { useCallback, useEffect, useMemo, useRef, useState, type MutableRefObject, type ReactNode } from 'react';
import { deleteWithLinks, linksIn, linksTo, setAttribute, type DefsOf } from '../../src/annotations/attribute-commands.js';
import { compareAnnotations } from '../../src/annotations/commands.js';
import type { Annotation } from '../../src/annotations/types.js';
import type { AttributeDef, AttributeValue } from '../../src/labels/attributes.js';
import type { ReaderController, Span } from '../reader/ArticleView.js';
import type { ReaderLink } from '../reader/LinkOverlay.js';
import { useSchema } from '../schema/schema-context.js';
import type { DocumentSession } from '../store/document-session.js';
import { ConfirmDialog, type ConfirmQuestion } from '../ui/ConfirmDialog.js';
import { useQuestion } from '../ui/use-question.js';
import { plural } from '../ui/format.js';

interface Deps {
  readonly session: DocumentSession | null;
  readonly annotations: readonly Annotation[];
  readonly selectedId: string | null;
  readonly setSelectedId: (id: string | null) => void;
  readonly pending: Span | null;
  readonly controller: MutableRefObject<ReaderController | null>;
  readonly fail: (what: string, e: unknown) => void;
}

export function useAttributeActions({ session, annotations, selectedId, setSelectedId, pending, controller, fail }: Deps) {
  const schema = useSchema();
  const defsOf: DefsOf = useCallback((label: string) => schema.labels.find((l) => l.id === label)?.attributes ?? [], [schema]);
  const [formFocus, setFormFocus] = useState(0);
  const [preview, setPreview] = useState<string | null>(null);
  const question = useQuestion<ConfirmQuestion, boolean>();
  const ask = question.ask;
  const pick = useRef<((id: string) => boolean) | null>(null);

  // The text of the last selection in the reader, kept after the click that selects the span whose
  // field it fills (that click clears the selection).
  const [selectionText, setSelectionText] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (pending && session) setSelectionText(session.article.text.slice(pending.start, pending.end).trim());
  }, [pending, session]);
  useEffect(() => setSelectionText(undefined), [session]);

  const setValue = useCallback(
    (def: AttributeDef, value: AttributeValue | undefined): string | undefined => {
      const a = selectedId ? session?.find(selectedId) : undefined;
      if (!session || !a) return 'No annotation is selected.';
      const r = setAttribute(a, def, value, new Date().toISOString(), session.list());
      if (!r.ok) return r.error.code === 'unchanged' ? undefined : r.error.message;
      session.execute(r.value).catch((e: unknown) => fail(`Could not save ${def.name}`, e));
      return undefined;
    },
    [session, selectedId, fail],
  );

  const removeNow = useCallback(
    (target: Annotation) => {
      if (!session) return;
      setSelectedId(null);
      // The holders of the target's id are the only annotations that can link to it.
      session.execute(deleteWithLinks(session.holding(target.id), target, defsOf, new Date().toISOString())).catch((e: unknown) => fail('Could not delete', e));
    },
    [session, defsOf, setSelectedId, fail],
  );

  /** Delete (key, button, menu): asks first when other spans link to the selected one. */
  const remove = useCallback(() => {
    const a = selectedId ? session?.find(selectedId) : undefined;
    if (!session || !a) return;
    const n = linksTo(session.holding(a.id), a.id, defsOf).length;
    if (n === 0) return removeNow(a);
    void ask({
      title: 'Delete a linked span?',
      message: `“${a.quote.length > 60 ? `${a.quote.slice(0, 59)}…` : a.quote}” is the target of ${plural(n, 'link')}. Deleting it removes ${n === 1 ? 'that link' : 'those links'} too; Undo restores both.`,
      yes: 'Delete span and links',
      no: 'Keep it',
      testId: 'confirm-delete-linked',
    }).then((yes) => {
      if (yes) removeNow(a);
      else controller.current?.focusText();
    });
  }, [session, selectedId, defsOf, removeNow, ask, controller]);

  const dialog: ReactNode = question.asking ? <ConfirmDialog {...question.asking} onAnswer={question.answer} /> : null;

  const jump = useCallback(
    (id: string) => {
      setSelectedId(id);
      controller.current?.reveal(id);
      const a = session?.find(id);
      if (a) controller.current?.placeCaret(a.end);
    },
    [session, setSelectedId, controller],
  );

  /** A click on a span in the text: offered to a link field that is picking first. */
  const onSelectSpan = useCallback(
    (id: string | null) => {
      if (id !== null && id !== selectedId && pick.current?.(id)) return;
      setSelectedId(id);
    },
    [selectedId, setSelectedId],
  );
  const onArmPick = useCallback((f: ((id: string) => boolean) | null) => {
    pick.current = f;
  }, []);
  useEffect(() => {
    pick.current = null;
    setPreview(null);
  }, [selectedId]);
  useEffect(() => {
    controller.current?.mark('sm-peer', []);
    const a = preview ? session?.find(preview) : undefined;
    if (a) {
      controller.current?.revealSpan(a);
      controller.current?.mark('sm-peer', [a]);
    }
  }, [preview]);

  /** The links pointing at the selected span ("linked from"): only holders of its id can link to it. */
  const linkedFrom = useMemo(
    () => (session && selectedId ? linksTo(session.holding(selectedId), selectedId, defsOf) : []),
    // `annotations` follows edits: the session answers for its latest state.
    [session, annotations, selectedId, defsOf],
  );

  // The selected span's links both ways, in its sources' text order, and the target being chosen.
  const links = useMemo<readonly ReaderLink[]>(() => {
    const source = selectedId ? session?.find(selectedId) : undefined;
    if (!session || !source) return [];
    const both = [...linksIn([source], defsOf), ...linkedFrom.filter((l) => l.source.id !== source.id)].sort((x, y) => compareAnnotations(x.source, y.source));
    const out: ReaderLink[] = [];
    for (const l of both) {
      const to = session.find(l.targetId);
      if (to) out.push({ from: l.source, to, name: l.def.name.toLowerCase() });
    }
    const candidate = preview ? session.find(preview) : undefined;
    if (candidate) out.push({ from: source, to: candidate, name: '?', candidate: true });
    return out;
  }, [session, linkedFrom, selectedId, defsOf, preview]);

  const openForm = useCallback(() => setFormFocus((n) => n + 1), []);
  const hasAttributes = useCallback((a: Annotation | undefined) => a !== undefined && defsOf(a.label).length > 0, [defsOf]);

  return { setValue, remove, dialog, jump, onSelectSpan, onArmPick, setPreview, links, linkedFrom, formFocus, openForm, hasAttributes, selectionText };
}
