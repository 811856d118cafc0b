// Paints annotations with the CSS Custom Highlight API: ranges over the article's text nodes, no
// DOM mutation. Each label has one highlight per nesting level (nested same-label spans paint
// darker) and its own underline style, so labels stay distinguishable without colour.
// Highlights are named by label (highlightName) and made on first use, so a label added to the
// schema paints as soon as a span has it; its rules come from the generated label stylesheet.
// Only spans near the viewport are registered: Chromium revalidates every registered range when
// any highlight changes, so with 10,000 spans each keystroke would cost a full pass. The window
// follows scrolling (the reader reports which offsets are on screen). Find matches follow the
// same window: a query with 10,000 matches registers only the few on or near the screen.

import type { Annotation } from '../../src/annotations/types.js';
import { levelAmong, MAX_NESTING_LEVEL, NestingSweep } from '../../src/annotations/nesting.js';
import type { LabelId } from '../../src/labels/schema.js';
import { highlightName } from '../../src/labels/label-style.js';
import { LAYER_SLOTS } from '../../src/review/layer-slots.js';
import type { TextLayout } from './dom-offsets.js';

type Span = { readonly start: number; readonly end: number };
type Entry = { annotation: Annotation; readonly level: number; range: StaticRange | undefined };
export type MarkName = 'sm-selected' | 'sm-flash' | 'sm-pending' | 'sm-peer' | 'sm-moved';

export class HighlightPainter {
  private readonly groups = new Map<string, { readonly label: LabelId; readonly highlight: Highlight }>();
  private readonly extra = new Map<string, Highlight>();
  /** What each mark() highlight was last filled with. */
  private readonly marked = new Map<MarkName, readonly Span[]>();
  /** Everything that should be painted, by id; ranges exist only for spans inside the window. */
  private readonly spans = new Map<string, Entry>();
  /** The entries with a registered range: those inside the window. */
  private readonly shown = new Set<Entry>();
  private readonly levelOf = (id: string): number | undefined => this.spans.get(id)?.level;
  /**
   * The list given to reset(), while not all of it has entries yet: spans get entries (and levels)
   * in text order, first up to the window's end (what opening must paint), the rest when the
   * browser is idle or an edit needs them all.
   */
  private pending: { readonly sorted: readonly Annotation[]; readonly sweep: NestingSweep } | undefined;
  private idle: number | undefined;
  private hidden: ReadonlySet<LabelId> | 'all' = new Set<LabelId>();
  private layers: readonly { slot: number; spans: readonly Span[] }[] = [];
  private window: Span = { start: 0, end: Number.MAX_SAFE_INTEGER };
  /** Find matches in text order, and which one is current (-1: none). */
  private found: readonly Span[] = [];
  private current = -1;

  constructor(private readonly layout: TextLayout) {
    for (const name of ['sm-selected', 'sm-flash', 'sm-pending', 'sm-peer', 'sm-moved', 'sm-find', 'sm-find-current']) this.extra.set(name, new Highlight());
    for (let slot = 0; slot < LAYER_SLOTS; slot++) this.extra.set(`sm-layer-${slot}`, new Highlight());
    this.register();
  }

  reset(sorted: readonly Annotation[]): void {
    this.spans.clear();
    this.pending = { sorted, sweep: new NestingSweep(sorted) };
    this.enterUntil(this.window.end);
    this.repaintWindow();
    this.sweepWhenIdle();
  }

  add(a: Annotation, current: readonly Annotation[]): void {
    // An edit of what is not painted (a note, an attribute value) moves no range: touching the
    // highlight would make Chromium repaint every highlighted span on screen for nothing.
    const known = this.spans.get(a.id);
    if (known !== undefined && known.annotation.start === a.start && known.annotation.end === a.end && known.annotation.label === a.label) {
      known.annotation = a;
      return;
    }
    this.enterUntil(Number.POSITIVE_INFINITY);
    this.remove(a.id);
    // A span inside the window can only overlap spans that reach into the window, and those are
    // the registered ones: a hundred or so to look at instead of the whole layer.
    const inside = a.start >= this.window.start && a.end <= this.window.end;
    const near = inside ? [...this.shown].map((e) => e.annotation) : current;
    const level = levelAmong(
      a,
      near.filter((o) => o.id !== a.id && overlaps(o, a)),
      this.levelOf,
    );
    const entry: Entry = { annotation: a, level, range: undefined };
    this.spans.set(a.id, entry);
    if (overlaps(a, this.window)) this.materialise(entry);
  }

  remove(id: string): void {
    this.enterUntil(Number.POSITIVE_INFINITY);
    const entry = this.spans.get(id);
    if (!entry) return;
    if (entry.range) this.groupOf(entry).delete(entry.range);
    this.shown.delete(entry);
    this.spans.delete(id);
  }

  /** Labels not painted; 'all' hides my whole layer (colleagues' markers stay). */
  setHidden(labels: ReadonlySet<LabelId> | 'all'): void {
    this.hidden = labels === 'all' ? 'all' : new Set(labels);
    this.register();
  }

  /** The UTF-16 extent on or near the screen; spans outside it are not registered. */
  setWindow(window: Span): void {
    if (window.start === this.window.start && window.end === this.window.end) return;
    this.window = window;
    this.enterUntil(window.end);
    this.repaintWindow();
  }

  /** Paints a one-off highlight (selection outline, flash, pending selection, a peer's span). */
  mark(name: MarkName, spans: readonly Span[]): void {
    // Refilling a highlight, even with what it holds or with nothing when it is empty, makes
    // Chromium revalidate and repaint every highlighted span on screen (~5 ms with a screenful of
    // them), and views mark again on every edit (the selected span, after its attribute is set).
    const before = this.marked.get(name) ?? [];
    if (before.length === spans.length && before.every((s, i) => s.start === spans[i]!.start && s.end === spans[i]!.end)) return;
    this.marked.set(
      name,
      spans.map(({ start, end }) => ({ start, end })),
    );
    this.fill(this.extra.get(name), spans);
  }

  /** Paints colleagues' layers, each in its slot's marker; an empty list clears them. */
  setLayers(layers: readonly { slot: number; spans: readonly Span[] }[]): void {
    this.layers = layers;
    this.paintLayers();
  }

  /** Paints find matches (only those in the window) and marks the current one; [] clears them. */
  setFound(matches: readonly Span[], current: number): void {
    if (matches.length === 0 && this.found.length === 0 && current === this.current) return;
    this.found = matches;
    this.current = current;
    this.paintFound();
  }

  dispose(): void {
    if (this.idle !== undefined) cancelIdleCallback(this.idle);
    this.pending = undefined;
    for (const name of [...this.groups.keys(), ...this.extra.keys()]) CSS.highlights.delete(name);
  }

  /** Gives entries to the pending spans that start before `offset`. */
  private enterUntil(offset: number): void {
    const p = this.pending;
    if (!p) return;
    const from = p.sweep.swept;
    p.sweep.sweepTo(offset);
    this.enter(p, from);
  }

  private enter(p: NonNullable<typeof this.pending>, from: number): void {
    for (let i = from; i < p.sweep.swept; i++) {
      const a = p.sorted[i]!;
      this.spans.set(a.id, { annotation: a, level: p.sweep.levels[i]!, range: undefined });
    }
    if (p.sweep.done) this.pending = undefined;
  }

  private sweepWhenIdle(): void {
    if (this.idle !== undefined) cancelIdleCallback(this.idle);
    this.idle = undefined;
    if (!this.pending) return;
    this.idle = requestIdleCallback(
      (deadline) => {
        this.idle = undefined;
        const p = this.pending;
        if (!p) return;
        do {
          const from = p.sweep.swept;
          p.sweep.sweepCount(500);
          this.enter(p, from);
        } while (this.pending && deadline.timeRemaining() > 1);
        this.sweepWhenIdle();
      },
      { timeout: 1000 },
    );
  }

  private repaintWindow(): void {
    for (const g of this.groups.values()) g.highlight.clear();
    this.shown.clear();
    for (const entry of this.spans.values()) {
      entry.range = undefined;
      if (overlaps(entry.annotation, this.window)) this.materialise(entry);
    }
    this.paintLayers();
    this.paintFound();
  }

  private paintFound(): void {
    const { found, window } = this;
    // Clearing empty highlights still costs Chromium a repaint of every span on screen.
    if (found.length === 0 && this.extra.get('sm-find')?.size === 0 && this.extra.get('sm-find-current')?.size === 0) return;
    // Matches are in text order and do not overlap, so those in the window are one run.
    let lo = 0;
    let hi = found.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (found[mid]!.end <= window.start) lo = mid + 1;
      else hi = mid;
    }
    const shown: Span[] = [];
    for (let i = lo; i < found.length && found[i]!.start < window.end; i++) if (i !== this.current) shown.push(found[i]!);
    this.fill(this.extra.get('sm-find'), shown);
    const current = found[this.current];
    this.fill(this.extra.get('sm-find-current'), current && overlaps(current, window) ? [current] : []);
  }

  private paintLayers(): void {
    for (let slot = 0; slot < LAYER_SLOTS; slot++) this.extra.get(`sm-layer-${slot}`)?.clear();
    for (const { slot, spans } of this.layers) {
      this.fill(
        this.extra.get(`sm-layer-${slot}`),
        spans.filter((s) => overlaps(s, this.window)),
        false,
      );
    }
  }

  private materialise(entry: Entry): void {
    const range = this.layout.rangeFor(entry.annotation.start, entry.annotation.end);
    if (!range) return;
    entry.range = range;
    this.shown.add(entry);
    this.groupOf(entry).add(range);
  }

  private groupOf(entry: Entry): Highlight {
    const label = entry.annotation.label;
    const name = highlightName(label, Math.min(entry.level, MAX_NESTING_LEVEL));
    let group = this.groups.get(name);
    if (group === undefined) {
      group = { label, highlight: new Highlight() };
      this.groups.set(name, group);
      if (!this.isHidden(label)) CSS.highlights.set(name, group.highlight);
    }
    return group.highlight;
  }

  private isHidden(label: LabelId): boolean {
    return this.hidden === 'all' || this.hidden.has(label);
  }

  private fill(h: Highlight | undefined, spans: readonly Span[], clear = true): void {
    if (!h) return;
    if (clear) h.clear();
    for (const s of spans) {
      const r = this.layout.rangeFor(s.start, s.end);
      if (r) h.add(r);
    }
  }

  private register(): void {
    for (const [name, g] of this.groups) {
      if (this.isHidden(g.label)) CSS.highlights.delete(name);
      else CSS.highlights.set(name, g.highlight);
    }
    for (const [name, h] of this.extra) {
      h.priority = name.startsWith('sm-layer-') ? 5 : 10;
      CSS.highlights.set(name, h);
    }
  }
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}
