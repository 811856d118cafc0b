// "N of M differences decided" for the open document's review, with a bar; the same words the
// library uses per document.

import type { ReviewProgress } from '../../src/review/differences.js';
import { formatCount, plural } from '../ui/format.js';

export function progressText(p: ReviewProgress): string {
  return `${formatCount(p.decided)} of ${plural(p.total, 'difference')} decided`;
}

export function ReviewProgressLine({ progress }: { progress: ReviewProgress }) {
  return (
    <span className="review-progress" data-testid="review-progress" data-decided={progress.decided} data-total={progress.total}>
      <progress max={Math.max(progress.total, 1)} value={progress.decided} aria-hidden="true" />
      {progressText(progress)}
    </span>
  );
}
