// "N rows of M shown. Show K more": long reports (a replacement's moved spans, a batch import's
// outcomes, facts tables) draw their rows a step at a time, because drawing thousands at once froze the window
// for over a second right after the work itself was done. What is not drawn is still counted.
// The press that shows the last rows takes the button away; focus then goes to a line saying all
// are shown, so a keyboard user is not dropped at the top of the page.
// MoreRemaining is the one-button form of the same step for the review's lists, with the same
// hand-over of the focus.

import { useEffect, useRef, useState, type MouseEvent } from 'react';
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

/**
 * The press that draws the last rows takes its button away: when that press had the focus, the
 * line returned by `allShown` takes it instead.
 */
function useLastPress(total: number, shown: number, step: number, onMore: () => void) {
  const [showedAll, setShowedAll] = useState(false);
  const done = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (showedAll) done.current?.focus();
  }, [showedAll]);
  const press = (e: MouseEvent<HTMLButtonElement>): void => {
    if (total - shown <= step && e.currentTarget === document.activeElement) setShowedAll(true);
    onMore();
  };
  const allShown = (text: string, testId: string | undefined) =>
    showedAll ? (
      <p className="hint" tabIndex={-1} ref={done} data-testid={testId === undefined ? undefined : `${testId}-done`}>
        {text}
      </p>
    ) : null;
  return { press, allShown };
}

export function MoreRows({ total, shown, step, onMore, testId, note }: Props) {
  const { press, allShown } = useLastPress(total, shown, step, onMore);
  if (total <= shown) return allShown(`All ${plural(total, 'row')} shown.`, testId);
  return (
    <p className="hint">
      {plural(shown, 'row')} of {formatCount(total)} shown.{note ? ` ${note}` : ''}{' '}
      <button type="button" onClick={press} data-testid={testId}>
        Show {formatCount(Math.min(step, total - shown))} more
      </button>
    </p>
  );
}

/**
 * "Show 200 more of 9,593 remaining": the compact form for lists in a narrow pane (the review's
 * differences), one button; once every item is drawn, nothing, or the line that takes the focus.
 */
export function MoreRemaining({
  total,
  shown,
  step,
  onMore,
  testId,
  what,
}: Omit<Props, 'note' | 'testId'> & { readonly testId?: string; readonly what: readonly [one: string, many: string] }) {
  const { press, allShown } = useLastPress(total, shown, step, onMore);
  if (total <= shown) return allShown(`All ${plural(total, what[0], what[1])} shown.`, testId);
  return (
    <button type="button" className="more-rows" onClick={press} data-testid={testId}>
      Show {formatCount(Math.min(step, total - shown))} more of {formatCount(total - shown)} remaining
    </button>
  );
}
