// Links between spans drawn over the text: an arc from the source span to its target, with an
// arrowhead, for the selected annotation's links (and the target being chosen, dashed). Drawn in
// the reader's scrolled content, so it scrolls with the text; measured again when the reader
// resizes. Purely visual (aria-hidden): the form says the same in words ("→ speaker: …").

import { useLayoutEffect, useState, type RefObject } from 'react';
import type { TextLayout } from './dom-offsets.js';

export interface ReaderLink {
  readonly from: { readonly id: string; readonly start: number; readonly end: number };
  readonly to: { readonly id: string; readonly start: number; readonly end: number };
  /** The attribute's name, written at the arc's top. */
  readonly name: string;
  /** A target being chosen, not yet set. */
  readonly candidate?: boolean;
}

interface Arc {
  readonly key: string;
  readonly d: string;
  readonly labelX: number;
  readonly labelY: number;
  readonly link: ReaderLink;
}

export function LinkOverlay({
  links,
  layoutRef,
  scrollerRef,
}: {
  links: readonly ReaderLink[];
  layoutRef: RefObject<TextLayout | null>;
  scrollerRef: RefObject<HTMLElement | null>;
}) {
  const [arcs, setArcs] = useState<{ arcs: Arc[]; width: number; height: number }>({ arcs: [], width: 0, height: 0 });
  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller || links.length === 0) {
      setArcs({ arcs: [], width: 0, height: 0 });
      return undefined;
    }
    const measure = () => {
      const layout = layoutRef.current;
      if (!layout) return;
      const base = scroller.getBoundingClientRect();
      const point = (s: { start: number; end: number }) => {
        const r = layout.liveRange(s.start, s.end)?.getClientRects()[0];
        return r ? { x: r.left + Math.min(r.width, 40) / 2 - base.left + scroller.scrollLeft, y: r.top - base.top + scroller.scrollTop } : undefined;
      };
      const out: Arc[] = [];
      for (const link of links) {
        const a = point(link.from);
        const b = point(link.to);
        if (!a || !b) continue;
        const lift = Math.min(120, 24 + Math.abs(b.y - a.y) / 4 + Math.abs(b.x - a.x) / 8);
        const top = Math.min(a.y, b.y) - lift;
        out.push({
          key: `${link.from.id}>${link.to.id}:${link.name}`,
          d: `M ${a.x} ${a.y} C ${a.x} ${top}, ${b.x} ${top}, ${b.x} ${b.y - 2}`,
          labelX: (a.x + b.x) / 2,
          labelY: top + lift * 0.25,
          link,
        });
      }
      setArcs({ arcs: out, width: scroller.scrollWidth, height: scroller.scrollHeight });
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(scroller);
    return () => ro.disconnect();
  }, [links, layoutRef, scrollerRef]);
  if (arcs.arcs.length === 0) return null;
  return (
    <svg className="link-overlay" aria-hidden="true" width={arcs.width} height={arcs.height} data-testid="link-overlay">
      <defs>
        <marker id="sm-link-head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" className="link-head" />
        </marker>
      </defs>
      {arcs.arcs.map((a) => (
        <g key={a.key} data-testid="link-connector" data-from={a.link.from.id} data-to={a.link.to.id} className={a.link.candidate ? 'candidate' : ''}>
          <path d={a.d} className="link-arc" markerEnd="url(#sm-link-head)" />
          <text x={a.labelX} y={a.labelY} className="link-name" textAnchor="middle">
            {a.link.name}
          </text>
        </g>
      ))}
    </svg>
  );
}
