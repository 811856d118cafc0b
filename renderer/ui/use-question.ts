// A question the app asks in a dialog and awaits as a promise (is this import mine? add these
// labels? what do these foreign labels map to? delete a linked span?): `ask` resolves with the
// dialog's answer, `asking` is what the dialog shows, `answer` closes it. Questions asked while
// one is open wait their turn instead of replacing it, so no caller is left awaiting forever.
// Excluded: the dialog itself (the caller renders it from `asking`).

import { useCallback, useRef, useState } from 'react';

export interface QuestionFlow<Q, A> {
  /** The question on screen, or null. */
  readonly asking: Q | null;
  readonly ask: (question: Q) => Promise<A>;
  /** Answers the question on screen; the next one waiting, if any, takes its place. */
  readonly answer: (a: A) => void;
}

export function useQuestion<Q, A>(): QuestionFlow<Q, A> {
  const [queue, setQueue] = useState<readonly { readonly question: Q; readonly resolve: (a: A) => void }[]>([]);
  // The head as last rendered: answer() resolves exactly the question the dialog showed.
  const head = useRef(queue[0]);
  head.current = queue[0];
  const ask = useCallback((question: Q) => new Promise<A>((resolve) => setQueue((q) => [...q, { question, resolve }])), []);
  const answer = useCallback((a: A) => {
    const shown = head.current;
    if (!shown) return;
    head.current = undefined;
    setQueue((q) => q.filter((x) => x !== shown));
    shown.resolve(a);
  }, []);
  return { asking: queue[0]?.question ?? null, ask, answer };
}
