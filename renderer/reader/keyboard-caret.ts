// A caret without the mouse. The article is not editable, so Chromium neither paints a caret in it
// nor moves one with the keys; this moves the document selection with Selection.modify (the same
// units the browser uses in editable text) and the reader paints the caret itself (ReaderCaret).
// Extending with Shift is ArticleView's; here only plain and Ctrl movement. Keys typed into a
// field, and keys while the selection is outside the article, are left alone.

/** How a key moves the caret, or undefined when it is not a caret key. */
export function caretMove(
  e: KeyboardEvent,
): { dir: 'forward' | 'backward'; unit: 'character' | 'word' | 'line' | 'paragraph' | 'lineboundary' | 'page' } | undefined {
  if (e.shiftKey || e.altKey || e.metaKey) return undefined;
  const ctrl = e.ctrlKey;
  switch (e.key) {
    case 'ArrowLeft':
      return { dir: 'backward', unit: ctrl ? 'word' : 'character' };
    case 'ArrowRight':
      return { dir: 'forward', unit: ctrl ? 'word' : 'character' };
    case 'ArrowUp':
      return { dir: 'backward', unit: ctrl ? 'paragraph' : 'line' };
    case 'ArrowDown':
      return { dir: 'forward', unit: ctrl ? 'paragraph' : 'line' };
    case 'Home':
      return ctrl ? undefined : { dir: 'backward', unit: 'lineboundary' };
    case 'End':
      return ctrl ? undefined : { dir: 'forward', unit: 'lineboundary' };
    case 'PageUp':
      return ctrl ? undefined : { dir: 'backward', unit: 'page' };
    case 'PageDown':
      return ctrl ? undefined : { dir: 'forward', unit: 'page' };
    default:
      return undefined;
  }
}

/** Screen box of a collapsed selection, or of the character beside it where the caret has no box. */
export function caretBox(sel: Selection): DOMRect | undefined {
  if (sel.rangeCount === 0) return undefined;
  const range = sel.getRangeAt(0).cloneRange();
  range.collapse(true);
  const rects = range.getClientRects();
  if (rects.length > 0 && rects[0]!.height > 0) return rects[0]!;
  const node = range.startContainer;
  const len = node.nodeType === Node.TEXT_NODE ? (node.textContent?.length ?? 0) : 0;
  if (len === 0) return node instanceof Element ? node.getBoundingClientRect() : undefined;
  const probe = document.createRange();
  if (range.startOffset < len) {
    probe.setStart(node, range.startOffset);
    probe.setEnd(node, range.startOffset + 1);
    const r = probe.getClientRects()[0];
    return r && new DOMRect(r.left, r.top, 0, r.height);
  }
  probe.setStart(node, range.startOffset - 1);
  probe.setEnd(node, range.startOffset);
  const r = [...probe.getClientRects()].pop();
  return r && new DOMRect(r.right, r.top, 0, r.height);
}

/**
 * Moves the caret by one page: scrolls the reader by most of its height and puts the caret at the
 * same place on screen, as text editors do.
 */
export function movePage(sel: Selection, scroller: HTMLElement, dir: 'forward' | 'backward', text?: HTMLElement): void {
  const before = caretBox(sel);
  const view = scroller.getBoundingClientRect();
  const step = Math.max(40, view.height * 0.85) * (dir === 'forward' ? 1 : -1);
  scroller.scrollBy({ top: step });
  const x = before ? before.left + 1 : view.left + 40;
  const y = before ? before.top + before.height / 2 : view.top + 40;
  // Within the text too: at the top, the point would otherwise land in the header above it.
  const area = text?.getBoundingClientRect();
  const top = Math.max(view.top, area?.top ?? view.top) + 4;
  const bottom = Math.min(view.bottom, area?.bottom ?? view.bottom) - 4;
  const pos = document.caretPositionFromPoint?.(x, Math.min(bottom, Math.max(top, y)));
  if (pos) sel.collapse(pos.offsetNode, pos.offset);
}
