// A vertical splitter that resizes the pane on its right: drag with the mouse (pointer capture, so
// the drag survives leaving the bar), or focus it and use ←/→. Reports widths while dragging and
// the final width once, so the caller can store only that.

import { useRef } from 'react';

interface Props {
  readonly width: number;
  readonly min: number;
  /** Upper bound; the caller passes what leaves room for the pane on the left. */
  readonly max: number;
  readonly label: string;
  readonly onResize: (width: number) => void;
  readonly onCommit: (width: number) => void;
  readonly testId?: string;
}

const KEY_STEP = 24;

export function Splitter({ width, min, max, label, onResize, onCommit, testId }: Props) {
  const drag = useRef<{ x: number; width: number; last: number } | null>(null);
  const clamp = (w: number) => Math.round(Math.min(Math.max(w, min), Math.max(min, max)));
  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={width}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      data-testid={testId}
      onPointerDown={(e) => {
        if (e.button !== 0) return;
        e.preventDefault();
        e.currentTarget.setPointerCapture(e.pointerId);
        drag.current = { x: e.clientX, width, last: width };
      }}
      onPointerMove={(e) => {
        const d = drag.current;
        if (!d) return;
        // The pane is on the right: moving left widens it.
        d.last = clamp(d.width + d.x - e.clientX);
        onResize(d.last);
      }}
      onPointerUp={() => {
        const d = drag.current;
        drag.current = null;
        if (d && d.last !== d.width) onCommit(d.last);
      }}
      onPointerCancel={() => {
        drag.current = null;
      }}
      onKeyDown={(e) => {
        const delta = e.key === 'ArrowLeft' ? KEY_STEP : e.key === 'ArrowRight' ? -KEY_STEP : 0;
        if (!delta) return;
        e.preventDefault();
        e.stopPropagation();
        const next = clamp(width + delta);
        onResize(next);
        onCommit(next);
      }}
    />
  );
}
