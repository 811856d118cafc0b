// Maps between DOM positions in the rendered article and UTF-16 offsets into Article.text.
// The article renders each block as one element (data-start/data-end) holding one text node, so
// a position is block start + offset in that node; separators between blocks are not rendered.

import type { Block } from '../../src/document/article.js';

export class TextLayout {
  private readonly starts: number[];

  constructor(
    readonly blocks: readonly Block[],
    private readonly elements: readonly HTMLElement[],
  ) {
    this.starts = blocks.map((b) => b.start);
  }

  /** Index of the last block whose start <= offset, or -1. */
  private blockIndexAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (this.starts[mid]! <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /**
   * DOM point for an offset. `side` says which block an offset in a separator belongs to:
   * a span start moves forward to the next block, a span end back to the previous one.
   */
  pointAt(offset: number, side: 'start' | 'end'): { node: Node; offset: number } | undefined {
    let i = this.blockIndexAt(offset);
    if (i < 0) i = side === 'start' ? 0 : -1;
    if (i < 0) return undefined;
    let block = this.blocks[i]!;
    if (offset > block.end) {
      if (side === 'start') {
        i += 1;
        block = this.blocks[i]!;
        if (!block) return undefined;
        return this.textPoint(i, 0);
      }
      return this.textPoint(i, block.end - block.start);
    }
    return this.textPoint(i, Math.max(0, offset - block.start));
  }

  private textPoint(i: number, local: number): { node: Node; offset: number } | undefined {
    const el = this.elements[i];
    const node = el?.firstChild;
    if (!node) return undefined;
    return { node, offset: Math.min(local, node.textContent?.length ?? 0) };
  }

  rangeFor(start: number, end: number): StaticRange | undefined {
    const s = this.pointAt(start, 'start');
    const e = this.pointAt(end, 'end');
    if (!s || !e) return undefined;
    return new StaticRange({ startContainer: s.node, startOffset: s.offset, endContainer: e.node, endOffset: e.offset });
  }

  liveRange(start: number, end: number): Range | undefined {
    const s = this.pointAt(start, 'start');
    const e = this.pointAt(end, 'end');
    if (!s || !e) return undefined;
    const r = document.createRange();
    r.setStart(s.node, s.offset);
    r.setEnd(e.node, e.offset);
    return r;
  }

  elementAt(offset: number): HTMLElement | undefined {
    const i = Math.max(0, this.blockIndexAt(offset));
    return this.elements[i];
  }

  /** Offset for a DOM point inside (or around) the article, or undefined when outside it. */
  offsetOf(node: Node, offset: number, root: HTMLElement): number | undefined {
    if (!root.contains(node)) return undefined;
    if (node.nodeType === Node.TEXT_NODE) {
      const block = blockElementOf(node);
      return block ? Number(block.dataset['start']) + offset : undefined;
    }
    const el = node as HTMLElement;
    const block = blockElementOf(el);
    if (block) {
      return offset === 0 ? Number(block.dataset['start']) : Number(block.dataset['end']);
    }
    // A container point: before child #offset.
    const child = el.childNodes[offset];
    if (child) {
      const first = child instanceof HTMLElement ? (child.matches('[data-start]') ? child : child.querySelector<HTMLElement>('[data-start]')) : null;
      if (first) return Number(first.dataset['start']);
    }
    const blocks = el.querySelectorAll<HTMLElement>('[data-start]');
    const last = blocks[blocks.length - 1];
    return last ? Number(last.dataset['end']) : undefined;
  }
}

function blockElementOf(node: Node): HTMLElement | null {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as HTMLElement) : node.parentElement;
  return el?.closest<HTMLElement>('[data-start]') ?? null;
}
