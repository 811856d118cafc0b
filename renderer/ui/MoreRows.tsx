// "N rows of M shown. Show K more": long reports (a replacement's moved spans, a batch import's
// outcomes) draw their rows a step at a time, because drawing thousands at once froze the window
// for over a second right after the work itself was done. What is not drawn is still counted.

import { plural } from './format.js';

interface Props {
  readonly total: number;
  readonly shown: number;
  readonly step: number;
  readonly onMore: () => void;
  readonly testId: string;
}

export function MoreRows({ total, shown, step, onMore, testId }: Props) {
  if (total <= shown) return null;
  return (
    <p className="hint">
      {plural(shown, 'row')} of {total.toLocaleString('en')} shown.{' '}
      <button type="button" onClick={onMore} data-testid={testId}>
        Show {Math.min(step, total - shown).toLocaleString('en')} more
      </button>
    </p>
  );
}
