// "N rows of M shown. Show K more": long reports (a replacement's moved spans, a batch import's
// outcomes, facts tables) draw their rows a step at a time, because drawing thousands at once froze the window
// for over a second right after the work itself was done. What is not drawn is still counted.
// The press that shows the last rows takes the button away; focus then goes to a line saying all
// are shown, so a keyboard user is not dropped at the top of the page.
// MoreRemaining is the one-button form of the same step for the review's lists, which follow the
// current difference rather than the focus.

import { useEffect, useRef, useState } from 'react';
import { formatCount, plural } from './format.js';

interface Props {
  readonly total: number;
  readonly shown: number;
  readonly step: number;
  readonly onMore: () => void;
  readonly testId: string;
  /** Said after the count, before the button ("Filter to narrow them."). */
  readonly note?: string;
}

export function MoreRows({ total, shown, step, onMore, testId, note }: Props) {
  const [showedAll, setShowedAll] = useState(false);
  const done = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (showedAll) done.current?.focus();
  }, [showedAll]);
  if (total <= shown) {
    return showedAll ? (
      <p className="hint" tabIndex={-1} ref={done} data-testid={`${testId}-done`}>
        All {plural(total, 'row')} shown.
      </p>
    ) : null;
  }
  return (
    <p className="hint">
      {plural(shown, 'row')} of {formatCount(total)} shown.{note ? ` ${note}` : ''}{' '}
      <button
        type="button"
        onClick={(e) => {
          if (total - shown <= step && e.currentTarget === document.activeElement) setShowedAll(true);
          onMore();
        }}
        data-testid={testId}
      >
        Show {formatCount(Math.min(step, total - shown))} more
      </button>
    </p>
  );
}

/**
 * "Show 200 more of 9,593 remaining": the compact form for lists in a narrow pane (the review's
 * differences), one button and nothing when every row is drawn.
 */
export function MoreRemaining({ total, shown, step, onMore, testId }: Omit<Props, 'note' | 'testId'> & { readonly testId?: string }) {
  if (total <= shown) return null;
  return (
    <button type="button" className="more-rows" onClick={onMore} data-testid={testId}>
      Show {formatCount(Math.min(step, total - shown))} more of {formatCount(total - shown)} remaining
    </button>
  );
}
