// Keyboard shortcuts: 1/2/3 label the selection (or relabel the selected annotation), Delete
// removes it, Escape clears, F1 or ? opens the label guidelines, and the menu accelerators for the
// browser build. Keys typed into a text field are left to the field, except zoom and F1, which
// type nothing and should work wherever the focus is.

import { useEffect, useRef } from 'react';
import { labelForHotkey, type LabelId } from '../../src/labels/schema.js';
import type { MenuCommand } from '../../src/platform/platform.js';

interface Keys {
  readonly pending: unknown;
  readonly selectedId: string | null;
  readonly onMenu: (c: MenuCommand) => void;
  readonly onLabel: (label: LabelId) => void;
  readonly onEscape: () => void;
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
      if (t?.closest('input, textarea, select, [contenteditable="true"]')) return;
      if (e.key === '?' && !mod && !e.altKey) {
        e.preventDefault();
        k.onMenu('guidelines');
        return;
      }
      const key = e.key.toLowerCase();
      const command: MenuCommand | undefined = mod
        ? key === 'z'
          ? e.shiftKey ? 'redo' : 'undo'
          : key === 'y' ? 'redo'
          : key === 'o' ? 'open-article'
          : key === 'i' ? 'import'
          : key === 'e' ? (e.shiftKey ? 'export-library' : 'export-document')
          : key === ',' ? 'settings'
          : undefined
        : undefined;
      if (command) {
        e.preventDefault();
        k.onMenu(command);
        return;
      }
      if (mod || e.altKey) return;
      const label = labelForHotkey(e.key);
      if (label && (k.pending || k.selectedId)) {
        e.preventDefault();
        k.onLabel(label);
      } else if ((e.key === 'Delete' || e.key === 'Backspace') && k.selectedId) {
        e.preventDefault();
        k.onMenu('delete');
      } else if (e.key === 'Escape') k.onEscape();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** Ctrl/⌘ with + (or = , its unshifted key on most layouts, and the keypad's +), - and 0. */
function zoomCommand(key: string): MenuCommand | undefined {
  return key === '+' || key === '=' ? 'zoom-in' : key === '-' || key === '_' ? 'zoom-out' : key === '0' ? 'zoom-reset' : undefined;
}
