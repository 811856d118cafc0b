// Paints annotations with the CSS Custom Highlight API: ranges over the article's text nodes, no
// DOM mutation, so 10,000 spans cost little more than the plain text. Each label has one
// highlight per nesting level (nested same-label spans paint darker) and its own underline style,
// so labels stay distinguishable without colour.

import type { Annotation } from '../../src/annotations/types.js';
import { levelAmong, MAX_NESTING_LEVEL, nestingLevels } from '../../src/annotations/nesting.js';
import { LABEL_IDS, type LabelId } from '../../src/labels/schema.js';
import { LAYER_SLOTS } from '../../src/review/layer-slots.js';
import type { TextLayout } from './dom-offsets.js';

const key = (label: LabelId, level: number) => `sm-${label}-${level}`;

export class HighlightPainter {
  private readonly groups = new Map<string, Highlight>();
  private readonly painted = new Map<string, { range: StaticRange; group: string; annotation: Annotation }>();
  private levels = new Map<string, number>();
  private hidden = new Set<LabelId>();
  private readonly extra = new Map<string, Highlight>();

  constructor(private readonly layout: TextLayout) {
    for (const label of LABEL_IDS) {
      for (let level = 0; level <= MAX_NESTING_LEVEL; level++) this.groups.set(key(label, level), new Highlight());
    }
    for (const name of ['sm-selected', 'sm-flash', 'sm-pending', 'sm-peer']) this.extra.set(name, new Highlight());
    for (let slot = 0; slot < LAYER_SLOTS; slot++) this.extra.set(`sm-layer-${slot}`, new Highlight());
    this.register();
  }

  reset(sorted: readonly Annotation[]): void {
    for (const h of this.groups.values()) h.clear();
    this.painted.clear();
    this.levels = nestingLevels(sorted);
    for (const a of sorted) this.paint(a, this.levels.get(a.id) ?? 0);
  }

  add(a: Annotation, current: readonly Annotation[]): void {
    this.remove(a.id);
    const level = levelAmong(a, current.filter((o) => o.id !== a.id), this.levels);
    this.levels.set(a.id, level);
    this.paint(a, level);
  }

  remove(id: string): void {
    const p = this.painted.get(id);
    if (!p) return;
    this.groups.get(p.group)?.delete(p.range);
    this.painted.delete(id);
    this.levels.delete(id);
  }

  setHidden(labels: ReadonlySet<LabelId>): void {
    this.hidden = new Set(labels);
    this.register();
  }

  /** Paints a one-off highlight (selection outline, flash, pending selection, a peer's span). */
  mark(name: 'sm-selected' | 'sm-flash' | 'sm-pending' | 'sm-peer', spans: readonly { start: number; end: number }[]): void {
    const h = this.extra.get(name);
    if (!h) return;
    h.clear();
    for (const s of spans) {
      const r = this.layout.rangeFor(s.start, s.end);
      if (r) h.add(r);
    }
  }

  /** Paints colleagues' layers, each in its slot's marker; an empty list clears them. */
  setLayers(layers: readonly { slot: number; spans: readonly { start: number; end: number }[] }[]): void {
    for (let slot = 0; slot < LAYER_SLOTS; slot++) this.extra.get(`sm-layer-${slot}`)?.clear();
    for (const { slot, spans } of layers) {
      const h = this.extra.get(`sm-layer-${slot}`);
      for (const s of spans) {
        const r = this.layout.rangeFor(s.start, s.end);
        if (r && h) h.add(r);
      }
    }
  }

  dispose(): void {
    for (const name of [...this.groups.keys(), ...this.extra.keys()]) CSS.highlights.delete(name);
  }

  private paint(a: Annotation, level: number): void {
    const range = this.layout.rangeFor(a.start, a.end);
    if (!range) return;
    const group = key(a.label, Math.min(level, MAX_NESTING_LEVEL));
    this.groups.get(group)?.add(range);
    this.painted.set(a.id, { range, group, annotation: a });
  }

  private register(): void {
    for (const [name, h] of this.groups) {
      const label = name.split('-')[1] as LabelId;
      if (this.hidden.has(label)) CSS.highlights.delete(name);
      else CSS.highlights.set(name, h);
    }
    for (const [name, h] of this.extra) {
      h.priority = name.startsWith('sm-layer-') ? 5 : 10;
      CSS.highlights.set(name, h);
    }
  }
}
