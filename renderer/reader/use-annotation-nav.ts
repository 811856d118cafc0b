// Moving between annotations by keyboard: `]` / `[` select the next / previous one of my layer in
// the side panel's order (the label filter's hidden labels skipped), scroll to it and leave the
// caret at its end; `Enter` takes focus to its note; `Esc` in the note comes back to the text with
// the same annotation selected and the caret at its end. Tab is deliberately not bound: it stays
// the way out of the reader for keyboard users (F6 too), as everywhere else in the app.

import { useCallback, useState, type MutableRefObject } from 'react';
import { stepAnnotation } from '../../src/annotations/navigation.js';
import { labelKeysText, type LabelId } from '../../src/labels/schema.js';
import { useSchema } from '../schema/schema-context.js';
import type { DocumentSession } from '../store/document-session.js';
import type { ReaderController, Span } from './ArticleView.js';

interface Nav {
  readonly session: DocumentSession | null;
  readonly hidden: ReadonlySet<LabelId>;
  readonly ownVisible: boolean;
  readonly selectedId: string | null;
  readonly setSelectedId: (id: string | null) => void;
  readonly setPending: (span: Span | null) => void;
  readonly controller: MutableRefObject<ReaderController | null>;
  readonly say: (kind: 'info', text: string) => void;
}

export interface AnnotationNav {
  readonly step: (dir: 1 | -1) => void;
  /** Enter on a selected annotation: its details take focus (the note field). */
  readonly openDetails: () => void;
  /** Esc in the details: back to the text, the annotation still selected, the caret at its end. */
  readonly backToText: () => void;
  /** Bumped by openDetails; the details focus their note field when it changes. */
  readonly noteFocus: number;
}

export function useAnnotationNav({ session, hidden, ownVisible, selectedId, setSelectedId, setPending, controller, say }: Nav): AnnotationNav {
  const [noteFocus, setNoteFocus] = useState(0);
  const schema = useSchema();
  const step = useCallback(
    (dir: 1 | -1) => {
      if (!session) return;
      const list = session.list();
      // My layer hidden: every label the list uses is hidden, whatever the schema holds.
      const r = stepAnnotation(list, ownVisible ? hidden : new Set(list.map((a) => a.label)), { selectedId, caret: controller.current?.caretOffset() }, dir);
      if (!r) {
        say(
          'info',
          list.length === 0
            ? `No annotations to move to yet: select text and press ${labelKeysText(schema)}.`
            : !ownVisible
              ? 'Your layer is hidden: show it to move between your annotations.'
              : 'No annotations with the shown labels: tick a label in the side panel.',
        );
        return;
      }
      setPending(null);
      setSelectedId(r.annotation.id);
      controller.current?.reveal(r.annotation.id);
      controller.current?.placeCaret(r.annotation.end);
      if (r.wrapped) say('info', dir === 1 ? 'Past the last annotation: back to the first.' : 'Before the first annotation: on to the last.');
    },
    [session, hidden, ownVisible, selectedId, setSelectedId, setPending, controller, say, schema],
  );
  const openDetails = useCallback(() => setNoteFocus((n) => n + 1), []);
  const backToText = useCallback(() => {
    const a = selectedId ? session?.find(selectedId) : undefined;
    if (a) controller.current?.placeCaret(a.end);
  }, [session, selectedId, controller]);
  return { step, openDetails, backToText, noteFocus };
}
