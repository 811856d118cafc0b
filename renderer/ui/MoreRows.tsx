// "N rows of M shown. Show K more": long reports (a replacement's moved spans, a batch import's
// outcomes) draw their rows a step at a time, because drawing thousands at once froze the window
// for over a second right after the work itself was done. What is not drawn is still counted.
// The press that shows the last rows takes the button away; focus then goes to a line saying all
// are shown, so a keyboard user is not dropped at the top of the page.

import { useEffect, useRef, useState } from 'react';

const rows = (n: number): string => `${n.toLocaleString('en')} ${n === 1 ? 'row' : 'rows'}`;

interface Props {
  readonly total: number;
  readonly shown: number;
  readonly step: number;
  readonly onMore: () => void;
  readonly testId: string;
}

export function MoreRows({ total, shown, step, onMore, testId }: Props) {
  const [showedAll, setShowedAll] = useState(false);
  const done = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (showedAll) done.current?.focus();
  }, [showedAll]);
  if (total <= shown) {
    return showedAll ? (
      <p className="hint" tabIndex={-1} ref={done} data-testid={`${testId}-done`}>
        All {rows(total)} shown.
      </p>
    ) : null;
  }
  return (
    <p className="hint">
      {rows(shown)} of {total.toLocaleString('en')} shown.{' '}
      <button
        type="button"
        onClick={(e) => {
          if (total - shown <= step && e.currentTarget === document.activeElement) setShowedAll(true);
          onMore();
        }}
        data-testid={testId}
      >
        Show {Math.min(step, total - shown).toLocaleString('en')} more
      </button>
    </p>
  );
}
