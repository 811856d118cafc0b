// The document's annotations in text order, with label counts and a label filter. The list is
// virtualised (fixed row height) so 10,000 annotations scroll as smoothly as ten.

import { memo, useEffect, useMemo, useRef, useState } from 'react';
import type { Annotation } from '../../src/annotations/types.js';
import type { LabelCounts } from '../../src/annotations/label-counts.js';
import { labelKeysText, type LabelId } from '../../src/labels/schema.js';
import { useSchema } from '../schema/schema-context.js';
import { LabelChip } from '../ui/LabelChip.js';
import { formatCount } from '../ui/format.js';

const ROW = 52;
const OVERSCAN = 8;

interface Props {
  readonly annotations: readonly Annotation[];
  readonly counts: LabelCounts;
  readonly hidden: ReadonlySet<LabelId>;
  readonly selectedId: string | null;
  readonly onToggleLabel: (label: LabelId) => void;
  readonly onPick: (id: string) => void;
}

/** Memoised: App passes the list deferred, so a keystroke's own render skips this panel. */
export const AnnotationPanel = memo(function AnnotationPanel({ annotations, counts, hidden, selectedId, onToggleLabel, onPick }: Props) {
  const schema = useSchema();
  // The schema's labels, then any other label my layer holds (say, imported), so each can be filtered.
  const filterLabels = [
    ...schema.labels.map((l) => l.id),
    ...[...counts.keys()].filter((id) => (counts.get(id) ?? 0) > 0 && !schema.labels.some((l) => l.id === id)),
  ];
  // Counts come kept up to date from the session, and with no label hidden the list is shown as
  // is: a label key then costs this panel no pass over the 10,000 annotations.
  const visible = useMemo(() => (hidden.size === 0 ? annotations : annotations.filter((a) => !hidden.has(a.label))), [annotations, hidden]);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const listRef = useRef<HTMLDivElement>(null);
  // Measured by a ResizeObserver, after layout: reading clientHeight during render would force a
  // synchronous layout of the whole (possibly 1 MB) article on every update.
  useEffect(() => {
    const el = listRef.current;
    if (!el) return undefined;
    const ro = new ResizeObserver(([entry]) => entry && setHeight(entry.contentRect.height));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  // The selected row is brought into view when the selection changes (`]`/`[` in the text), and
  // only then: an edit must not pull back a list the user has scrolled away.
  useEffect(() => {
    const el = listRef.current;
    const at = selectedId ? visible.findIndex((a) => a.id === selectedId) : -1;
    if (!el || at < 0) return;
    // Measured now, not the observed `height`: the details shown with a new selection shrink the
    // list in this very commit, before the observer reports it.
    const view = el.clientHeight;
    const top = at * ROW;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW > el.scrollTop + view) el.scrollTop = top + ROW - view;
  }, [selectedId]);
  const first = Math.max(0, Math.floor(scrollTop / ROW) - OVERSCAN);
  const last = Math.min(visible.length, Math.ceil((scrollTop + height) / ROW) + OVERSCAN);

  return (
    <section className="annotation-panel" aria-label="Annotations">
      <header>
        <h2>
          Annotations{' '}
          <span className="total" data-testid="annotation-total">
            {formatCount(annotations.length)}
          </span>
        </h2>
        <div className="label-filter" role="group" aria-label="Show labels">
          {filterLabels.map((id) => (
            <label key={id} className="filter-toggle">
              <input type="checkbox" checked={!hidden.has(id)} onChange={() => onToggleLabel(id)} data-testid={`filter-${id}`} />
              <LabelChip label={id} count={counts.get(id) ?? 0} />
            </label>
          ))}
        </div>
      </header>
      {visible.length === 0 ? (
        <p className="empty-hint">
          {annotations.length === 0 ? `Select text in the article, then press ${labelKeysText(schema)}.` : 'No annotations with the shown labels.'}
        </p>
      ) : null}
      <div className="annotation-list" data-testid="annotation-list" role="list" ref={listRef} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
        <div style={{ height: visible.length * ROW, position: 'relative' }}>
          {visible.slice(first, last).map((a, i) => (
            <button
              type="button"
              role="listitem"
              key={a.id}
              className={`annotation-row${a.id === selectedId ? ' selected' : ''}`}
              style={{ top: (first + i) * ROW, height: ROW }}
              data-testid="annotation-row"
              data-id={a.id}
              aria-current={a.id === selectedId ? 'true' : undefined}
              onClick={() => onPick(a.id)}
            >
              <LabelChip label={a.label} />
              <span className="quote">{a.quote}</span>
              {a.note ? (
                <span className="has-note" title={a.note}>
                  ✎
                </span>
              ) : null}
            </button>
          ))}
        </div>
      </div>
    </section>
  );
});
