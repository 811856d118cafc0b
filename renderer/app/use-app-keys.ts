// Keyboard shortcuts: the schema's label keys (1–9) label the selection (or relabel the selected annotation), Delete
// removes it, ]/[ step between annotations and Enter opens the selected one's note (Tab is left
// to focus: the way out of the reader), Escape clears, F6 moves focus between library, reader and
// panel (from a field too), Ctrl/⌘+F opens the find bar, F1 or ? opens the label guidelines, and the menu accelerators for the
// browser build. In review mode the review queue sees each key first (after the accelerators, so
// undo still works there). Keys typed into a text field are left to the field, except zoom and F1, which type nothing
// and should work wherever the focus is. A label key with
// nothing to tag says why instead of doing nothing silently.

import { useEffect, useRef } from 'react';
import { labelForHotkey, labelKeysText, type LabelId, type LabelSchema } from '../../src/labels/schema.js';
import type { MenuCommand } from '../../src/platform/platform.js';

interface Keys {
  /** The library's schema: which key tags with which label. */
  readonly schema: LabelSchema;
  readonly pending: unknown;
  readonly selectedId: string | null;
  readonly onMenu: (c: MenuCommand) => void;
  readonly onLabel: (label: LabelId) => void;
  readonly onEscape: () => void;
  readonly hasDocument: boolean;
  /** A label key was pressed with nothing it could tag: `why` says so in words. */
  readonly onNothingToTag: (why: string) => void;
  /** Review mode's keys; returns true when it used the key. */
  readonly onReviewKey?: (e: KeyboardEvent) => boolean;
  /** Corpus keys in an open article (renderer/library/corpus-keys.ts); true when handled. */
  readonly onCorpusKey?: (e: KeyboardEvent) => boolean;
  readonly onFind: () => void;
  /** `]` / `[`: select the next / previous annotation. */
  readonly onStep?: (dir: 1 | -1) => void;
  /** `Enter` in the text with an annotation selected: go to its details. */
  readonly onOpenDetails?: () => void;
}

export function useAppKeys(keys: Keys): void {
  const ref = useRef(keys);
  ref.current = keys;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const k = ref.current;
      const mod = e.ctrlKey || e.metaKey;
      const anywhere = mod && !e.altKey ? zoomCommand(e.key) : e.key === 'F1' ? 'guidelines' : undefined;
      if (anywhere) {
        e.preventDefault();
        k.onMenu(anywhere);
        return;
      }
      const t = e.target as HTMLElement | null;
      // F6 types nothing, so it leaves fields too (the note, a filter box): no focus trap.
      if (e.key === 'F6' && !mod && !e.altKey) {
        e.preventDefault();
        cycleFocus(e.shiftKey ? -1 : 1);
        return;
      }
      if (t?.closest('input, textarea, select, [contenteditable="true"]')) return;
      if (e.key === '?' && !mod && !e.altKey) {
        e.preventDefault();
        k.onMenu('guidelines');
        return;
      }
      const key = e.key.toLowerCase();
      const command: MenuCommand | undefined = mod
        ? key === 'z'
          ? e.shiftKey
            ? 'redo'
            : 'undo'
          : key === 'y'
            ? 'redo'
            : key === 'o'
              ? e.shiftKey
                ? 'open-folder'
                : 'open-article'
              : key === 'i'
                ? 'import'
                : key === 'e'
                  ? e.shiftKey
                    ? 'export-library'
                    : 'export-document'
                  : key === ','
                    ? 'settings'
                    : undefined
        : undefined;
      if (mod && !e.shiftKey && !e.altKey && key === 'f') {
        e.preventDefault();
        k.onFind();
        return;
      }
      if (command) {
        e.preventDefault();
        k.onMenu(command);
        return;
      }
      if (k.onReviewKey?.(e)) {
        e.preventDefault();
        return;
      }
      if (k.hasDocument && k.onCorpusKey?.(e)) {
        e.preventDefault();
        return;
      }
      if (mod || e.altKey) return;
      const label = labelForHotkey(k.schema, e.key);
      if (label && (k.pending || k.selectedId)) {
        e.preventDefault();
        k.onLabel(label);
      } else if (label && !e.repeat) {
        k.onNothingToTag(nothingToTag(k.hasDocument, e.key, labelKeysText(k.schema)));
      } else if ((e.key === 'Delete' || e.key === 'Backspace') && k.selectedId) {
        e.preventDefault();
        k.onMenu('delete');
      } else if ((e.key === ']' || e.key === '[') && k.hasDocument && k.onStep) {
        e.preventDefault();
        k.onStep(e.key === ']' ? 1 : -1);
      } else if (e.key === 'Enter' && k.selectedId && k.onOpenDetails && (t === document.body || t?.closest('[data-focus-region="reader"]'))) {
        e.preventDefault();
        k.onOpenDetails();
      } else if (e.key === 'Escape') k.onEscape();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** The regions F6 moves between, in screen order: library, reader, side panel, and the name prompt in the status bar. */
const REGIONS = '[data-testid="library"], [data-focus-region="reader"], .side-panel, [data-testid="name-prompt"]';
const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), textarea, select, [tabindex]:not([tabindex="-1"])';

/** Moves focus to the next (or previous) region: the reader itself, or a region's first control. */
function cycleFocus(step: 1 | -1): void {
  const regions = [...document.querySelectorAll<HTMLElement>(REGIONS)];
  if (regions.length === 0) return;
  const current = regions.findIndex((r) => r.contains(document.activeElement));
  const next = regions[(current + step + regions.length) % regions.length]!;
  const target = next.matches(FOCUSABLE) ? next : next.querySelector<HTMLElement>(FOCUSABLE);
  target?.focus();
}

/** Why a label key found nothing to tag, from what is on screen. */
function nothingToTag(hasDocument: boolean, key: string, keysText: string): string {
  if (!hasDocument) return `Key ${key} tags selected text: open an article first.`;
  const sel = window.getSelection();
  const article = document.querySelector('[data-testid="article-text"]');
  if (sel && !sel.isCollapsed && sel.rangeCount > 0) {
    if (!article?.contains(sel.getRangeAt(0).commonAncestorContainer)) return `Key ${key} did nothing: only text in the article can be tagged.`;
    if (sel.toString().trim() === '') return `Key ${key} did nothing: the selection holds only spaces.`;
  }
  return `Key ${key} did nothing: no text is selected. Drag over words, or click and extend with Shift+arrows, then press ${keysText}.`;
}

/** Ctrl/⌘ with + (or = , its unshifted key on most layouts, and the keypad's +), - and 0. */
function zoomCommand(key: string): MenuCommand | undefined {
  return key === '+' || key === '=' ? 'zoom-in' : key === '-' || key === '_' ? 'zoom-out' : key === '0' ? 'zoom-reset' : undefined;
}
