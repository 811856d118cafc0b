// The one modal dialog shell every dialog of the app is drawn in, so each behaves the same from
// the keyboard: named by its visible heading, focus moved in on open (a given element, else the
// first marked autofocus, else the first control) and back to where it was on close, Tab and
// Shift+Tab kept inside, Escape and a click on the backdrop cancel, and the buttons in one row at
// the bottom. Keys typed in a dialog never reach the app's single-key commands behind it (label
// keys, F6); dialogs that want the app's Ctrl/⌘ shortcuts and F1 (zoom and guidelines in
// Settings) pass them on. Excluded: non-modal panels (the corpus import panel, the name prompt),
// which leave the page usable.

import { useId, useLayoutEffect, useRef, type FormEvent, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { tabbable, useFocusReturn } from './use-focus-return.js';

interface Props {
  /** The dialog's heading and accessible name. */
  readonly title: string;
  /** Escape, the backdrop, and whatever the caller's Cancel button does. */
  readonly onCancel: () => void;
  /** The buttons row. */
  readonly actions?: ReactNode;
  readonly children?: ReactNode;
  readonly testId?: string | undefined;
  /** alertdialog: a question that must be answered. */
  readonly role?: 'dialog' | 'alertdialog';
  /** Extra classes on the dialog box (wide, …). */
  readonly className?: string;
  /** Makes the dialog a form: Enter in a field and a submit button call it. */
  readonly onSubmit?: () => void;
  /** Focused on open; without it the first [data-autofocus] or the first control is. */
  readonly initialFocus?: RefObject<HTMLElement | null> | undefined;
  /** Keys with Ctrl/⌘ and F1 go on to the app (zoom, undo, the guidelines handled there). */
  readonly passAppKeys?: boolean;
  /** Runs before the shell's own keys; preventDefault() there keeps Escape and Tab from the shell. */
  readonly onKeyDown?: (e: KeyboardEvent<HTMLElement>) => void;
}

export function Dialog({ title, onCancel, actions, children, testId, role = 'dialog', className, onSubmit, initialFocus, passAppKeys, onKeyDown }: Props) {
  const box = useRef<HTMLElement | null>(null);
  const headingId = useId();

  useFocusReturn(box);
  // Focus in on open (once: a dialog re-rendered keeps focus where the analyst put it).
  useLayoutEffect(() => {
    const root = box.current;
    if (root) (initialFocus?.current ?? root.querySelector<HTMLElement>('[data-autofocus]') ?? tabbable(root)[0] ?? root).focus();
  }, []);

  const keys = (e: KeyboardEvent<HTMLElement>) => {
    onKeyDown?.(e);
    if (!(passAppKeys && (e.ctrlKey || e.metaKey || e.key === 'F1'))) e.stopPropagation();
    if (e.defaultPrevented) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
    } else if (e.key === 'Tab' && box.current) {
      const all = tabbable(box.current);
      const first = all[0];
      const last = all[all.length - 1];
      if (!first || !last) {
        e.preventDefault();
        return;
      }
      const at = document.activeElement;
      if (e.shiftKey && (at === first || at === box.current)) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && at === last) {
        e.preventDefault();
        first.focus();
      }
    }
  };

  const common = {
    className: className ? `dialog ${className}` : 'dialog',
    role,
    'aria-modal': true,
    'aria-labelledby': headingId,
    'data-testid': testId,
    tabIndex: -1,
    onMouseDown: (e: { stopPropagation(): void }) => e.stopPropagation(),
    onKeyDown: keys,
  } as const;
  const inner = (
    <>
      <h2 id={headingId}>{title}</h2>
      {children}
      {actions ? <div className="dialog-actions">{actions}</div> : null}
    </>
  );
  return (
    <div className="dialog-backdrop" role="presentation" onMouseDown={onCancel}>
      {onSubmit ? (
        <form
          {...common}
          ref={(el) => {
            box.current = el;
          }}
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            onSubmit();
          }}
        >
          {inner}
        </form>
      ) : (
        <div
          {...common}
          ref={(el) => {
            box.current = el;
          }}
        >
          {inner}
        </div>
      )}
    </div>
  );
}
