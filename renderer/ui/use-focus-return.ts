// Focus goes back where it was when a dialog or panel that took it closes: to the control that had
// it, or, when that control is gone (the library's welcome button replaced by the table an import
// filled), to the fallback's first control. Only when focus is still inside the closing element
// (or nowhere): an answer that already moved focus on (to the text, say) is left alone.

import { useLayoutEffect, type RefObject } from 'react';

const FOCUSABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
].join(', ');

/** The controls Tab reaches inside `root`, in order (hidden ones left out). */
export function tabbable(root: Element): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0);
}

/**
 * Remembers what had focus when the element mounted and gives focus back when it unmounts.
 * `fallback` names where focus goes when that control is no longer on the page (a selector).
 */
export function useFocusReturn(root: RefObject<HTMLElement | null>, fallback?: string): void {
  // Layout effect: its cleanup runs while the element is still in the page, so it can tell whether
  // focus is still inside it.
  useLayoutEffect(() => {
    const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    const el = root.current;
    return () => {
      const now = document.activeElement;
      const inside = now === null || now === document.body || (el !== null && el.contains(now));
      if (!inside) return;
      if (opener?.isConnected && !(el?.contains(opener) ?? false)) return opener.focus();
      const region = fallback ? document.querySelector(fallback) : null;
      if (region) (region.matches(FOCUSABLE) ? (region as HTMLElement) : tabbable(region)[0])?.focus();
    };
    // Once per mount: what had focus before it opened.
  }, []);
}
