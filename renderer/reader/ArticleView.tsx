// The article: its blocks rendered once as plain text nodes, annotations painted over them by the
// HighlightPainter, and the mouse/keyboard gestures that turn a selection into a span. Positions
// become offsets here (TextLayout) and nowhere else in the UI.

import { memo, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { Annotation } from '../../src/annotations/types.js';
import { annotationsAt } from '../../src/annotations/nesting.js';
import type { Article, Block } from '../../src/document/article.js';
import { findDateLine } from '../../src/document/date-line.js';
import { titleBlock } from '../../src/document/title-block.js';
import type { LabelId } from '../../src/labels/schema.js';
import { exactSelection, expandToGraphemes, snapToWords, wordAt } from '../../src/text/word-snap.js';
import { dispatch } from '../app/events.js';
import type { DocumentSession } from '../store/document-session.js';
import { TextLayout } from './dom-offsets.js';
import { HighlightPainter } from './highlight-painter.js';
import { LabelMenu } from './LabelMenu.js';
import { HoverCard } from './HoverCard.js';
import { caretBox, caretMove, movePage } from './keyboard-caret.js';
import { LinkOverlay, type ReaderLink } from './LinkOverlay.js';
import { hasLongSpaceRunIn, longSpaceRuns, type SpaceRun } from '../../src/document/space-runs.js';

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A colleague's visible layer, painted with its slot's marker. */
export interface PeerLayer {
  readonly annotator: string;
  readonly slot: number;
  readonly annotations: readonly Annotation[];
}

/** What the rest of the app may ask of the reader. */
export interface ReaderController {
  reveal(id: string): void;
  /** sm-moved: spans re-anchored by File › Replace text… that wait for the analyst's confirmation. */
  mark(name: 'sm-peer' | 'sm-moved', spans: readonly Span[]): void;
  revealSpan(span: Span): void;
  /** Puts the caret at an offset (after tagging: at the new span's end, ready for the next). */
  placeCaret(offset: number): void;
  /** Paints find matches and marks the current one, scrolling to it when `scroll` is set. */
  showFound(matches: readonly Span[], current: number, scroll: boolean): void;
  /** Puts keyboard focus back on the text (closing the find bar). */
  focusText(): void;
  /** Offset where the text on screen begins: find starts there, as a browser's does. */
  viewStart(): number;
  /** The caret's offset while it is in the article (where `]`/`[` step from), else undefined. */
  caretOffset(): number | undefined;
}

interface Props {
  readonly article: Article;
  readonly session: DocumentSession;
  readonly hidden: ReadonlySet<LabelId>;
  readonly peers: readonly PeerLayer[];
  /** False when my own layer is hidden in the layers panel. */
  readonly ownVisible: boolean;
  readonly selectedId: string | null;
  readonly pending: Span | null;
  readonly onSelect: (id: string | null) => void;
  readonly onPending: (span: Span | null) => void;
  readonly onCreate: (label: LabelId) => void;
  readonly controller: { current: ReaderController | null };
  /** Links to draw over the text (the selected annotation's). */
  readonly links?: readonly ReaderLink[];
  readonly children?: ReactNode;
}

export function ArticleView(props: Props) {
  const { article, session, hidden, peers, ownVisible, selectedId, pending, onSelect, onPending, controller } = props;
  const rootRef = useRef<HTMLDivElement>(null);
  const readerRef = useRef<HTMLDivElement>(null);
  const layoutRef = useRef<TextLayout | null>(null);
  const painterRef = useRef<HighlightPainter | null>(null);
  const altRef = useRef(false);
  /** The character the mouse was pressed on: its word belongs to the selection however the caret fell. */
  const pressedRef = useRef<number | undefined>(undefined);
  const [menuAnchor, setMenuAnchor] = useState<DOMRect | null>(null);
  const [hover, setHover] = useState<{ x: number; y: number; items: Annotation[]; slots: ReadonlyMap<string, number> } | null>(null);

  useLayoutEffect(() => {
    const root = rootRef.current;
    if (!root) return undefined;
    const layout = new TextLayout(article.blocks, [...root.querySelectorAll<HTMLElement>('[data-start]')]);
    const painter = new HighlightPainter(layout);
    layoutRef.current = layout;
    painterRef.current = painter;
    // The window first (measured now, while the painter holds nothing), then the spans in it.
    const stopWindow = followViewport(root, article.blocks, (w) => painter.setWindow(w));
    painter.reset(session.list());
    const unsubscribe = session.subscribe((change) => {
      if (change.kind === 'reset') painter.reset(session.list());
      else if (change.kind === 'command') {
        const cmd = change.command;
        // A batch (tag every match) can touch thousands of spans: one reset beats levelling each.
        if (cmd.kind === 'batch') painter.reset(session.list());
        else if (cmd.kind === 'delete') painter.remove(cmd.annotation.id);
        else painter.add(cmd.kind === 'create' ? cmd.annotation : cmd.after, session.list());
      }
      if (change.kind !== 'status') afterPaint(() => dispatch('spanmark:painted', { docId: article.id, count: session.list().length }));
    });
    controller.current = {
      reveal: (id) => {
        const a = session.find(id);
        if (a) revealSpan(layout, painter, a);
      },
      revealSpan: (span) => revealSpan(layout, painter, span),
      mark: (name, spans) => painter.mark(name, spans),
      placeCaret: (offset) => {
        const point = layout.pointAt(offset, 'end');
        if (!point) return;
        window.getSelection()?.collapse(point.node, point.offset);
        if (document.activeElement !== root) root.focus({ preventScroll: true });
      },
      showFound: (matches, current, scroll) => {
        const at = matches[current];
        if (scroll && at) scrollToSpan(layout, at);
        painter.setFound(matches, current);
      },
      focusText: () => root.focus({ preventScroll: true }),
      viewStart: () => {
        const blockEls = [...root.querySelectorAll<HTMLElement>('[data-start]')];
        const top = root.closest('.reader')?.getBoundingClientRect().top ?? 0;
        const at = searchBoxes(blockEls, 0, blockEls.length, (r) => r.bottom >= top + FIND_BAR_CLEARANCE);
        return Number(blockEls[at]?.dataset['start'] ?? 0);
      },
      caretOffset: () => {
        const sel = window.getSelection();
        return sel?.focusNode ? layout.offsetOf(sel.focusNode, sel.focusOffset, root) : undefined;
      },
    };
    afterPaint(() => dispatch('spanmark:painted', { docId: article.id, count: session.list().length }));
    const undate = dimDateLine(article.text, layout);
    return () => {
      undate();
      unsubscribe();
      stopWindow();
      painter.dispose();
      controller.current = null;
      layoutRef.current = null;
      painterRef.current = null;
    };
  }, [article, session, controller]);

  useEffect(() => painterRef.current?.setHidden(ownVisible ? hidden : 'all'), [hidden, ownVisible]);
  useEffect(() => {
    painterRef.current?.setLayers(peers.map((p) => ({ slot: p.slot, spans: p.annotations.filter((a) => !hidden.has(a.label)) })));
  }, [peers, hidden, article]);

  const snapshot = session.getSnapshot();
  useEffect(() => {
    const a = selectedId ? session.find(selectedId) : undefined;
    painterRef.current?.mark('sm-selected', a ? [a] : []);
  }, [selectedId, snapshot, session]);

  useEffect(() => {
    painterRef.current?.mark('sm-pending', pending ? [pending] : []);
    if (!pending) {
      setMenuAnchor(null);
      // A selection left on screen without a pending span looks taggable but is not, and a drag
      // started inside it would become a text drag-and-drop: it goes with the span.
      clearTextSelection(rootRef.current);
    }
  }, [pending]);

  // Escape clears the selection completely, even one that never became a span (spaces only).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') clearTextSelection(rootRef.current);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // A key press starts a new gesture: the hover card describes the old state, so it goes.
  useEffect(() => {
    const hide = () => setHover(null);
    window.addEventListener('keydown', hide, true);
    return () => window.removeEventListener('keydown', hide, true);
  }, []);

  // Shift+arrows extend the selection from a caret, one character (or word with Ctrl/Alt) at a time,
  // and are taken exactly: word snapping is for the mouse, whose aim is rough.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.shiftKey || !['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'].includes(e.key)) return;
      const root = rootRef.current;
      const sel = window.getSelection();
      if (!root || !sel?.anchorNode || !root.contains(sel.anchorNode)) return;
      e.preventDefault();
      const dir = e.key === 'ArrowLeft' || e.key === 'ArrowUp' || e.key === 'Home' ? 'backward' : 'forward';
      const unit = e.key.startsWith('Arrow')
        ? e.key === 'ArrowUp' || e.key === 'ArrowDown'
          ? 'line'
          : e.ctrlKey || e.altKey || e.metaKey
            ? 'word'
            : 'character'
        : 'lineboundary';
      sel.modify('extend', dir, unit);
      captureSelection('keys');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  // Arrows, Home/End, Ctrl+arrows (word, paragraph) and PgUp/PgDn move a caret in the article.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const move = caretMove(e);
      const root = rootRef.current;
      const sel = window.getSelection();
      if (!move || !root || document.activeElement !== root || !sel?.focusNode || !root.contains(sel.focusNode)) return;
      e.preventDefault();
      if (move.unit === 'page') movePage(sel, root.closest<HTMLElement>('.reader') ?? root, move.dir, root);
      else if (!sel.isCollapsed && move.unit === 'character') {
        // As in editors: an arrow collapses a selection to the side it points to.
        if (move.dir === 'forward') sel.collapseToEnd();
        else sel.collapseToStart();
      } else if (move.unit === 'paragraph') moveParagraph(sel, move.dir);
      else sel.modify('move', move.dir, move.unit);
      onPending(null);
      revealCaret(root, sel);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  // The caret the browser does not paint in non-editable text.
  const [caret, setCaret] = useState<DOMRect | null>(null);
  useEffect(() => {
    const root = rootRef.current;
    const scroller = root?.closest('.reader');
    if (!root || !scroller) return undefined;
    const update = () => {
      const sel = window.getSelection();
      const inside = sel && sel.isCollapsed && sel.focusNode && root.contains(sel.focusNode) && document.activeElement === root;
      setCaret(inside ? (caretBox(sel) ?? null) : null);
    };
    document.addEventListener('selectionchange', update);
    scroller.addEventListener('scroll', update, { passive: true });
    root.addEventListener('focus', update);
    root.addEventListener('blur', update);
    return () => {
      document.removeEventListener('selectionchange', update);
      scroller.removeEventListener('scroll', update);
      root.removeEventListener('focus', update);
      root.removeEventListener('blur', update);
    };
  }, [article]);

  /** `mouse` snaps to whole words (exact with Alt) and rewrites the DOM selection to match; `keys` is exact. */
  function captureSelection(by: 'mouse' | 'keys'): boolean {
    const rewriteDom = by === 'mouse';
    const root = rootRef.current;
    const layout = layoutRef.current;
    const sel = window.getSelection();
    if (!root || !layout || !sel || sel.rangeCount === 0 || sel.isCollapsed) return false;
    const range = sel.getRangeAt(0);
    const s = layout.offsetOf(range.startContainer, range.startOffset, root);
    const e = layout.offsetOf(range.endContainer, range.endOffset, root);
    if (s === undefined || e === undefined || e <= s) return false;
    const span =
      by === 'keys'
        ? exactSelection(article.text, s, e)
        : altRef.current
          ? expandToGraphemes(article.text, s, e)
          : withPressedWord(snapToWords(article.text, s, e));
    if (!span || span.end <= span.start) {
      onPending(null);
      return false;
    }
    onPending(span);
    onSelect(null);
    const live = layout.liveRange(span.start, span.end);
    if (rewriteDom && live) {
      sel.removeAllRanges();
      sel.addRange(live);
    }
    setMenuAnchor((live ?? range).getBoundingClientRect());
    return true;
  }

  /** Widens a mouse span to the whole word the drag started in (the caret may fall just outside it). */
  function withPressedWord(span: Span | null): Span | null {
    const at = pressedRef.current;
    const word = span && at !== undefined ? wordAt(article.text, at) : undefined;
    return span && word ? { start: Math.min(span.start, word.start), end: Math.max(span.end, word.end) } : span;
  }

  /** Offset of the character under the pointer, or undefined off the text. */
  function charAt(x: number, y: number): number | undefined {
    const root = rootRef.current;
    const layout = layoutRef.current;
    if (!root || !layout) return undefined;
    const pos = document.caretPositionFromPoint?.(x, y);
    if (!pos) return undefined;
    const at = layout.offsetOf(pos.offsetNode, pos.offset, root);
    if (at === undefined) return undefined;
    // The caret lands before or after the character under the pointer; take the one whose box holds it.
    for (const offset of [at, at - 1]) {
      if (offset < 0) continue;
      const box = layout.liveRange(offset, Math.min(offset + 1, article.text.length))?.getBoundingClientRect();
      if (box && x >= box.left - 1 && x <= box.right + 1 && y >= box.top - 1 && y <= box.bottom + 1) return offset;
    }
    return undefined;
  }

  /** My visible spans under the pointer, innermost first; with `withPeers`, colleagues' too. */
  function hitTest(x: number, y: number, withPeers = false): Annotation[] {
    const offset = charAt(x, y);
    if (offset === undefined) return [];
    const shown = (a: Annotation) => !hidden.has(a.label);
    const mine = ownVisible ? annotationsAt(session.list(), offset).filter(shown) : [];
    return withPeers ? [...mine, ...peers.flatMap((p) => annotationsAt(p.annotations, offset).filter(shown))] : mine;
  }

  return (
    <div
      className="reader"
      ref={readerRef}
      onScroll={() => {
        setHover(null);
        if (menuAnchor) setMenuAnchor(null);
      }}
    >
      {props.children}
      <article
        ref={rootRef}
        className="article-text"
        data-testid="article-text"
        lang="und"
        tabIndex={0}
        aria-label="Article text"
        data-focus-region="reader"
        onFocus={(e) => {
          // Focus from the keyboard (Tab, F6) brings a caret where there was none.
          const sel = window.getSelection();
          if (e.target === e.currentTarget && sel && !(sel.focusNode && e.currentTarget.contains(sel.focusNode))) {
            const first = e.currentTarget.querySelector('[data-start]')?.firstChild;
            if (first) sel.collapse(first, 0);
          }
        }}
        onMouseDown={(e) => {
          altRef.current = e.altKey;
          pressedRef.current = e.button === 0 ? charAt(e.clientX, e.clientY) : undefined;
          setMenuAnchor(null);
          // Pressing inside the current selection would start dragging its text away; a press
          // always starts a new selection here (Shift extends the old one, as everywhere).
          if (e.button === 0 && !e.shiftKey) clearTextSelection(rootRef.current);
        }}
        onDragStart={(e) => e.preventDefault()}
        onMouseUp={(e) => {
          altRef.current = altRef.current || e.altKey;
          if (captureSelection('mouse')) return;
          const hits = hitTest(e.clientX, e.clientY);
          if (hits.length === 0) {
            onSelect(null);
            onPending(null);
            return;
          }
          // Clicking again where spans nest steps outward through them, so every span is reachable.
          const current = hits.findIndex((a) => a.id === selectedId);
          onPending(null);
          onSelect(hits[(current + 1) % hits.length]!.id);
        }}
        onMouseMove={(e) => {
          const { clientX: x, clientY: y } = e;
          if (e.buttons !== 0) return;
          requestAnimationFrame(() => {
            const items = hitTest(x, y, true);
            setHover(items.length > 0 ? { x, y, items, slots: new Map(peers.map((p) => [p.annotator, p.slot])) } : null);
          });
        }}
        onMouseLeave={() => setHover(null)}
        style={{ cursor: hover ? 'pointer' : undefined }}
      >
        <ArticleBody article={article} />
      </article>
      {menuAnchor && pending ? (
        <LabelMenu anchor={menuAnchor} quote={article.text.slice(pending.start, pending.end)} onChoose={props.onCreate} onClose={() => onPending(null)} />
      ) : null}
      {caret ? (
        <div className="reader-caret" data-testid="reader-caret" aria-hidden="true" style={{ left: caret.left, top: caret.top, height: caret.height }} />
      ) : null}
      {props.links && props.links.length > 0 ? <LinkOverlay links={props.links} layoutRef={layoutRef} scrollerRef={readerRef} /> : null}
      {hover && !menuAnchor ? <HoverCard x={hover.x} y={hover.y} items={hover.items} slots={hover.slots} /> : null}
    </div>
  );
}

/** The paint window reaches this many viewport heights beyond each edge of the viewport... */
const WINDOW_MARGIN = 0.6;
/** ...and moves only once the viewport comes within this many of its edge. */
const WINDOW_SLACK = 0.25;

/**
 * Reports the text extent of the blocks on or within WINDOW_MARGIN screens of the viewport, so
 * the painter keeps only those spans registered. Chromium repaints every registered span inside
 * the reader's paint area (thousands of pixels beyond the screen) whenever any highlight changes,
 * so a window of whole 16-block chunks made each label key repaint several screens of spans.
 * Chunks are found by their boxes (always laid out), blocks within them the same way; the window
 * moves with hysteresis so scrolling re-registers spans every few hundred pixels, not every frame.
 */
function followViewport(root: HTMLElement, blocks: readonly Block[], onWindow: (w: Span) => void): () => void {
  const scroller = root.closest<HTMLElement>('.reader');
  const chunks = [...root.querySelectorAll<HTMLElement>('[data-chunk]')];
  const blockEls = [...root.querySelectorAll<HTMLElement>('[data-start]')];
  if (!scroller || chunks.length === 0 || blockEls.length !== blocks.length) return () => undefined;
  let current: { first: number; last: number } | undefined;
  let frame = 0;

  /** Indices of the first and last block whose boxes meet the band [top, bottom] (viewport px). */
  const blocksIn = (top: number, bottom: number): { first: number; last: number } => {
    const firstChunk = Math.min(
      chunks.length - 1,
      searchBoxes(chunks, 0, chunks.length, (r) => r.bottom >= top),
    );
    const lastChunk = Math.max(firstChunk, searchBoxes(chunks, 0, chunks.length, (r) => r.top > bottom) - 1);
    const lo = firstChunk * CHUNK_BLOCKS;
    const hi = Math.min(blockEls.length, (lastChunk + 1) * CHUNK_BLOCKS);
    const first = Math.min(
      hi - 1,
      searchBoxes(blockEls, lo, hi, (r) => r.bottom >= top),
    );
    const last = Math.max(first, searchBoxes(blockEls, lo, hi, (r) => r.top > bottom) - 1);
    return { first, last };
  };

  const update = (): void => {
    const view = scroller.getBoundingClientRect();
    if (view.height <= 0) return;
    const slack = view.height * WINDOW_SLACK;
    const needed = blocksIn(view.top - slack, view.bottom + slack);
    if (current && needed.first >= current.first && needed.last <= current.last) return;
    const margin = view.height * WINDOW_MARGIN;
    current = blocksIn(view.top - margin, view.bottom + margin);
    onWindow({ start: blocks[current.first]!.start, end: blocks[current.last]!.end });
  };
  const schedule = (): void => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(update);
  };
  // Chunks entering or leaving the band change their real size (content-visibility), so the
  // observer's reports matter as much as scrolling does.
  const io = new IntersectionObserver(schedule, { root: scroller, rootMargin: '100% 0px 100% 0px' });
  for (const el of chunks) io.observe(el);
  const ro = new ResizeObserver(schedule);
  ro.observe(scroller);
  scroller.addEventListener('scroll', schedule, { passive: true });
  update();
  return () => {
    cancelAnimationFrame(frame);
    io.disconnect();
    ro.disconnect();
    scroller.removeEventListener('scroll', schedule);
  };
}

/** The first index in [from, to) whose box satisfies `past` (boxes in reading order, `past` monotonic); `to` if none. */
function searchBoxes(els: readonly HTMLElement[], from: number, to: number, past: (r: DOMRect) => boolean): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (past(els[mid]!.getBoundingClientRect())) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Blocks per chunk: the unit of off-screen skipping. Observing 4,000 paragraphs one by one cost
 *  Blink ~15 ms a frame; a few hundred chunks cost next to nothing. */
const CHUNK_BLOCKS = 16;

/** The text itself: rendered once per article; edits only change highlights, never this tree. */
const ArticleBody = memo(function ArticleBody({ article }: { article: Article }) {
  return <>{renderChunks(article)}</>;
});

function renderChunks(article: Article): ReactNode[] {
  const out: ReactNode[] = [];
  const title = titleBlock(article);
  const padding = longSpaceRuns(article.text);
  for (let c = 0; c * CHUNK_BLOCKS < article.blocks.length; c++) {
    const part = article.blocks.slice(c * CHUNK_BLOCKS, (c + 1) * CHUNK_BLOCKS);
    out.push(
      <section key={c} className="chunk" data-chunk={c}>
        {part.map((b) => renderBlock(article.text, b, b === title, padding))}
      </section>,
    );
  }
  return out;
}

function renderBlock(text: string, b: Block, isTitle: boolean, padding: readonly SpaceRun[]): ReactNode {
  const content = text.slice(b.start, b.end);
  const common = {
    key: b.start,
    'data-start': b.start,
    'data-end': b.end,
    className: `block block-${b.kind}${hasLongSpaceRunIn(padding, b.start, b.end) ? ' block-padded' : ''}`,
    ...(isTitle ? { 'data-testid': 'article-title' } : {}),
  };
  switch (b.kind) {
    case 'heading': {
      const level = Math.min(6, Math.max(1, b.level ?? 2));
      const Tag = `h${level}` as 'h1';
      return <Tag {...common}>{content}</Tag>;
    }
    case 'quote':
      return <blockquote {...common}>{content}</blockquote>;
    case 'list-item':
      return (
        <div role="listitem" {...common}>
          {content}
        </div>
      );
    default:
      return <p {...common}>{content}</p>;
  }
}

function revealSpan(layout: TextLayout, painter: HighlightPainter, span: Span): void {
  layout.elementAt(span.start)?.scrollIntoView({ block: 'center' });
  requestAnimationFrame(() => {
    scrollIntoBand(layout, span);
    painter.mark('sm-flash', [span]);
    setTimeout(() => painter.mark('sm-flash', []), 1200);
  });
}

/** Ctrl+↓ to the start of the next paragraph, Ctrl+↑ to the start of this one (or the previous one), as editors do. */
function moveParagraph(sel: Selection, dir: 'forward' | 'backward'): void {
  const at = (): [Node | null, number] => [sel.focusNode, sel.focusOffset];
  const before = at();
  if (dir === 'forward') {
    sel.modify('move', 'forward', 'paragraph');
    sel.modify('move', 'backward', 'paragraphboundary');
    return;
  }
  sel.modify('move', 'backward', 'paragraphboundary');
  const [node, offset] = at();
  if (node === before[0] && offset === before[1]) {
    sel.modify('move', 'backward', 'paragraph');
    sel.modify('move', 'backward', 'paragraphboundary');
  }
}

/** Scrolls the reader so the caret is on screen, with a little room above and below. */
function revealCaret(root: HTMLElement, sel: Selection): void {
  const box = caretBox(sel);
  const scroller = root.closest<HTMLElement>('.reader');
  if (!box || !scroller) return;
  const view = scroller.getBoundingClientRect();
  const room = Math.min(60, view.height / 4);
  if (box.top < view.top + room) scroller.scrollBy({ top: box.top - view.top - room });
  else if (box.bottom > view.bottom - room) scroller.scrollBy({ top: box.bottom - view.bottom + room });
}

/**
 * The leading `date YYYY-MM-DD` token is already the header's date, so it is dimmed in the text,
 * alone on its line or run into the first sentence alike. It stays in the text (offsets count it,
 * and it can still be selected); a highlight dims it without changing the DOM.
 */
function dimDateLine(text: string, layout: TextLayout): () => void {
  const date = findDateLine(text);
  const range = date && layout.rangeFor(date.start, date.end);
  if (!range) return () => undefined;
  const highlight = new Highlight(range);
  highlight.priority = -1; // below every annotation and mark
  CSS.highlights.set('sm-dateline', highlight);
  return () => {
    if (CSS.highlights.get('sm-dateline') === highlight) CSS.highlights.delete('sm-dateline');
  };
}

/** Removes a non-empty text selection that lies in the article; a caret or a selection elsewhere stays. */
function clearTextSelection(root: HTMLElement | null): void {
  const sel = window.getSelection();
  if (!root || !sel || sel.rangeCount === 0 || sel.isCollapsed) return;
  if (root.contains(sel.anchorNode) || root.contains(sel.focusNode)) sel.removeAllRanges();
}

/** Scrolls a span into view unless it is already on screen (the find bar's next/previous). */
function scrollToSpan(layout: TextLayout, span: Span): void {
  const box = layout.liveRange(span.start, span.end)?.getBoundingClientRect();
  const scroller = layout.elementAt(span.start)?.closest('.reader');
  if (box && scroller) {
    const view = scroller.getBoundingClientRect();
    // The find bar covers the top of the reader, so "on screen" starts below it.
    if (box.top >= view.top + FIND_BAR_CLEARANCE && box.bottom <= view.bottom && box.height > 0) return;
  }
  layout.elementAt(span.start)?.scrollIntoView({ block: 'center' });
  // Chunks skipped off screen have estimated heights until laid out, and Chromium lays out the
  // ones a jump brings near over several frames, so the text keeps moving for a while after the
  // jump (it looked settled after three frames and then moved again): follow it for about half a
  // second.
  let frames = 30;
  const settle = (): void => {
    scrollIntoBand(layout, span);
    if (--frames > 0) requestAnimationFrame(settle);
  };
  settle();
}

const FIND_BAR_CLEARANCE = 56;

/** A long paragraph's middle may still be off screen after scrolling to the paragraph: nudge it. */
function scrollIntoBand(layout: TextLayout, span: Span): void {
  const box = layout.liveRange(span.start, span.end)?.getBoundingClientRect();
  const scroller = layout.elementAt(span.start)?.closest('.reader');
  if (!box || !scroller) return;
  const view = scroller.getBoundingClientRect();
  if (box.top < view.top || box.bottom > view.bottom) scroller.scrollBy({ top: box.top - view.top - view.height / 3 });
}

function afterPaint(fn: () => void): void {
  requestAnimationFrame(() => setTimeout(fn, 0));
}
