// Find in the article (Ctrl/⌘+F): Electron has no find-in-page of its own, so this is the only
// find there. Matches come from the core's literal search and are painted by the reader's
// highlight painter (only those near the viewport); this bar holds the query, its options and
// which match is current, and tags the current match or all of them through the app's commands.
// Keys in the bar: Enter / Shift+Enter (and F3 / Shift+F3 anywhere while open) next / previous,
// Alt+1/2/3 tag this match, Alt+Shift+1/2/3 tag all matches, Esc closes and returns to the text.

import { useEffect, useMemo, useRef, useState } from 'react';
import { findMatches, matchAtOrAfter } from '../../src/text/find.js';
import { labelForHotkey, type LabelId } from '../../src/labels/schema.js';
import { labelKey } from '../../src/labels/label-style.js';
import { useSchema } from '../schema/schema-context.js';
import type { Span } from '../../src/text/word-snap.js';
import type { ReaderController } from './ArticleView.js';
import { formatCount } from '../ui/format.js';

interface Props {
  readonly text: string;
  readonly controller: { readonly current: ReaderController | null };
  /** Changes on every Ctrl/⌘+F, so pressing it again refocuses and selects the query. */
  readonly focusToken: number;
  /** The query to start with (the selected text, as in browsers). */
  readonly initialQuery: string;
  readonly onTag: (spans: readonly Span[], label: LabelId) => void;
  readonly onClose: () => void;
}

export function FindBar({ text, controller, focusToken, initialQuery, onTag, onClose }: Props) {
  const schema = useSchema();
  const [query, setQuery] = useState(initialQuery);
  const [caseSensitive, setCaseSensitive] = useState(false);
  const [wholeWord, setWholeWord] = useState(false);
  /** Where the current match starts: the current match is the first at or after it. */
  const [anchor, setAnchor] = useState(() => controller.current?.viewStart() ?? 0);
  const input = useRef<HTMLInputElement>(null);

  const matches = useMemo(() => findMatches(text, query, { caseSensitive, wholeWord }), [text, query, caseSensitive, wholeWord]);
  const current = matchAtOrAfter(matches, anchor);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [focusToken]);

  useEffect(() => {
    controller.current?.showFound(matches, current, true);
  }, [controller, matches, current]);
  useEffect(() => () => controller.current?.showFound([], -1, false), [controller]);

  const step = (by: 1 | -1) => {
    if (matches.length === 0) return;
    const next = (current + by + matches.length) % matches.length;
    setAnchor(matches[next]!.start);
  };
  const close = () => {
    onClose();
    controller.current?.focusText();
  };
  const tagCurrent = (label: LabelId) => {
    const m = matches[current];
    if (m) onTag([m], label);
  };
  const tagAll = (label: LabelId) => {
    if (matches.length > 0) onTag(matches, label);
  };

  // F3 steps through matches wherever focus is while the bar is open, as in browsers.
  const stepRef = useRef(step);
  stepRef.current = step;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'F3') return;
      e.preventDefault();
      stepRef.current(e.shiftKey ? -1 : 1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const count = query === '' ? '' : matches.length === 0 ? 'No matches' : `${formatCount(current + 1)} of ${formatCount(matches.length)}`;

  return (
    <div
      className="find-bar"
      role="search"
      data-testid="find-bar"
      onKeyDown={(e) => {
        const digit = /^Digit([1-9])$/.exec(e.code)?.[1];
        const label = e.altKey && !e.ctrlKey && !e.metaKey && digit ? labelForHotkey(schema, digit) : undefined;
        if (e.key === 'Escape') {
          e.preventDefault();
          close();
        } else if (label) {
          e.preventDefault();
          if (e.shiftKey) tagAll(label);
          else tagCurrent(label);
        } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f') {
          e.preventDefault();
          input.current?.select();
        } else if (e.key === 'Enter' && e.target === input.current) {
          e.preventDefault();
          step(e.shiftKey ? -1 : 1);
        }
      }}
    >
      <input
        ref={input}
        type="search"
        aria-label="Find in the article"
        placeholder="Find in the article"
        data-testid="find-input"
        value={query}
        spellCheck={false}
        onChange={(e) => setQuery(e.target.value)}
      />
      <span className="find-count" data-testid="find-count" aria-live="polite">
        {count}
      </span>
      <button type="button" title="Previous match (Shift+Enter)" aria-label="Previous match" disabled={matches.length === 0} onClick={() => step(-1)}>
        ↑
      </button>
      <button type="button" title="Next match (Enter)" aria-label="Next match" disabled={matches.length === 0} onClick={() => step(1)}>
        ↓
      </button>
      <button
        type="button"
        className="find-option"
        title="Match case"
        aria-pressed={caseSensitive}
        data-testid="find-case"
        onClick={() => setCaseSensitive((v) => !v)}
      >
        Aa
      </button>
      <button
        type="button"
        className="find-option"
        title="Whole words"
        aria-pressed={wholeWord}
        data-testid="find-whole-word"
        onClick={() => setWholeWord((v) => !v)}
      >
        Word
      </button>
      <span className="find-tags" role="group" aria-label="Tag this match as">
        <span className="find-tags-title">This as</span>
        {schema.labels.map((l) => (
          <button
            key={l.id}
            type="button"
            className={`find-tag label-${labelKey(l.id)}`}
            title={`Tag this match as ${l.name}${l.hotkey === undefined ? '' : ` (Alt+${l.hotkey})`}`}
            aria-label={l.name}
            data-testid={`find-tag-one-${l.id}`}
            disabled={current < 0}
            onClick={() => tagCurrent(l.id)}
          >
            {l.glyph}
          </button>
        ))}
      </span>
      <span className="find-tags" role="group" aria-label="Tag all matches as">
        <span className="find-tags-title">All as</span>
        {schema.labels.map((l) => (
          <button
            key={l.id}
            type="button"
            className={`find-tag label-${labelKey(l.id)}`}
            title={`Tag all matches as ${l.name}${l.hotkey === undefined ? '' : ` (Alt+Shift+${l.hotkey})`}`}
            aria-label={l.name}
            data-testid={`find-tag-all-${l.id}`}
            disabled={matches.length === 0}
            onClick={() => tagAll(l.id)}
          >
            {l.glyph}
          </button>
        ))}
      </span>
      <button type="button" className="find-close" title="Close (Esc)" aria-label="Close find" onClick={close}>
        ×
      </button>
    </div>
  );
}
