// Code that runs inside the page (passed to page.evaluate). Timestamps are taken there, with
// performance.now() in listeners, so Playwright's round trips never enter a figure. tsx wraps
// named inner functions in __name(); the bench defines a no-op __name in every page for that.

import type { APP_EVENTS, AppEventName } from '../../renderer/app/events.js';

export interface Measured {
  /** When the gesture came (performance.now() in the page): the app's stage marks are read against it. */
  readonly t0: number;
  readonly ms: number;
  readonly detail: unknown;
  /** For each of ArmSpec.marks: ms from the trigger to its first occurrence after it. */
  readonly marks: Record<string, number>;
}

export interface ArmSpec {
  /** The user's gesture that starts the clock, caught in the capture phase before the app sees it. */
  readonly trigger: 'pointerdown' | 'keydown' | 'change';
  /** Only this key starts the clock (keydown). */
  readonly key?: string;
  /** The app event that stops it. */
  readonly event: (typeof APP_EVENTS)['painted' | 'exported' | 'imported' | 'saved'];
  /** When set, only an event whose detail.docId matches stops the clock. */
  readonly docId?: string;
  /** App events on the way, timed too, to tell where the time went (e.g. spanmark:saved). */
  readonly marks?: readonly AppEventName[];
  readonly timeoutMs: number;
}

interface Harness {
  arm(spec: ArmSpec): void;
  collect(): Promise<Measured>;
  collectMarks(): Promise<Record<string, number>>;
}

type BenchWindow = Window & { __spanmarkBench?: Harness };

export const NAME_SHIM = 'globalThis.__name = globalThis.__name || ((f) => f);';

export function installHarness(): void {
  const w = window as BenchWindow;
  if (w.__spanmarkBench) return;
  let pending: Promise<Measured> | undefined;
  let pendingMarks: Promise<Record<string, number>> | undefined;
  w.__spanmarkBench = {
    arm(spec) {
      let t0: number | undefined;
      const marks: Record<string, number> = {};
      // Marks are awaited separately: one may come after the stop event (a save that commits
      // after the paint), and the next measurement must not start while it is still on its way.
      pendingMarks = Promise.all(
        (spec.marks ?? []).map(
          (name) =>
            new Promise<void>((resolve, reject) => {
              const on = (): void => {
                if (t0 === undefined) return;
                marks[name] = performance.now() - t0;
                done();
                resolve();
              };
              const timer = setTimeout(() => {
                done();
                reject(new Error(`${name} did not come within ${spec.timeoutMs} ms of the ${spec.trigger}`));
              }, spec.timeoutMs);
              const done = (): void => {
                clearTimeout(timer);
                window.removeEventListener(name, on);
              };
              window.addEventListener(name, on);
            }),
        ),
      ).then(() => marks);
      pending = new Promise<Measured>((resolve, reject) => {
        const onTrigger = (e: Event): void => {
          if (t0 !== undefined) return;
          if (spec.key !== undefined && (e as KeyboardEvent).key !== spec.key) return;
          t0 = performance.now();
        };
        const onEvent = (e: Event): void => {
          const t = performance.now();
          if (t0 === undefined) return;
          const detail = (e as CustomEvent<unknown>).detail;
          if (spec.docId !== undefined && (detail as { docId?: unknown } | null)?.docId !== spec.docId) return;
          stop();
          resolve({ t0, ms: t - t0, detail, marks: { ...marks } });
        };
        const timer = setTimeout(() => {
          stop();
          reject(
            new Error(
              t0 === undefined ? `no ${spec.trigger} reached the page` : `${spec.event} did not come within ${spec.timeoutMs} ms of the ${spec.trigger}`,
            ),
          );
        }, spec.timeoutMs);
        const stop = (): void => {
          clearTimeout(timer);
          window.removeEventListener(spec.trigger, onTrigger, true);
          window.removeEventListener(spec.event, onEvent);
        };
        window.addEventListener(spec.trigger, onTrigger, true);
        window.addEventListener(spec.event, onEvent);
      });
      // Collected later; until then a rejection must not surface as an unhandled one.
      pending.catch(() => undefined);
      pendingMarks.catch(() => undefined);
    },
    collect() {
      return pending ?? Promise.reject(new Error('collect() before arm()'));
    },
    collectMarks() {
      return pendingMarks ?? Promise.reject(new Error('collectMarks() before arm()'));
    },
  };
}

export function arm(spec: ArmSpec): void {
  const h = (window as BenchWindow).__spanmarkBench;
  if (!h) throw new Error('bench harness not installed');
  h.arm(spec);
}

export function collect(): Promise<Measured> {
  const h = (window as BenchWindow).__spanmarkBench;
  if (!h) throw new Error('bench harness not installed');
  return h.collect();
}

/** Every mark of the last arm(), waiting for those still to come. */
export function collectMarks(): Promise<Record<string, number>> {
  const h = (window as BenchWindow).__spanmarkBench;
  if (!h) throw new Error('bench harness not installed');
  return h.collectMarks();
}

/** Waits for the main thread to be idle and one more frame, so a measurement starts from quiet. */
export function idle(timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    requestIdleCallback(() => requestAnimationFrame(() => setTimeout(resolve, 0)), { timeout: timeoutMs });
  });
}

/** Scrolls the reader to a fraction of its height; returns the scrollTop it got. */
export function scrollReader(fraction: number): number {
  const reader = document.querySelector<HTMLElement>('.reader');
  if (!reader) throw new Error('no .reader element: is a document open?');
  reader.scrollTop = Math.round(fraction * (reader.scrollHeight - reader.clientHeight));
  return reader.scrollTop;
}

export interface WordTarget {
  readonly word: string;
  readonly x: number;
  readonly y: number;
  /** UTF-16 offset of the word in the article. */
  readonly offset: number;
}

/**
 * A word on one line, well inside the reader's visible part (clear of the top, where the header
 * and toolbar are, and of the bottom, where the label menu opens), chosen by `seed`. Only a word
 * no painted span touches: key 1 on a word that already holds a claim of the same extent adds
 * nothing, and a click on a word inside a longer span may select that span instead of the new one.
 */
export function pickWord(seed: number): WordTarget | null {
  const reader = document.querySelector<HTMLElement>('.reader');
  const root = document.querySelector<HTMLElement>('[data-testid="article-text"]');
  if (!reader || !root) return null;
  const view = reader.getBoundingClientRect();
  const top = view.top + view.height * 0.2;
  const bottom = view.bottom - view.height * 0.35;
  // Every span painted near the screen (the reader registers those), as live ranges to compare with.
  const painted: Range[] = [];
  for (const highlight of CSS.highlights.values()) {
    for (const h of highlight) {
      const r = document.createRange();
      r.setStart(h.startContainer, h.startOffset);
      r.setEnd(h.endContainer, h.endOffset);
      painted.push(r);
    }
  }
  // A range covers character c of `node` when it holds both of the character's boundaries.
  const touched = (node: Node, start: number, end: number): boolean =>
    painted.some((h) => {
      if (!h.intersectsNode(node)) return false;
      for (let c = start; c < end; c++) if (h.comparePoint(node, c) === 0 && h.comparePoint(node, c + 1) === 0) return true;
      return false;
    });
  const found: WordTarget[] = [];
  for (const el of root.querySelectorAll<HTMLElement>('[data-start]')) {
    const box = el.getBoundingClientRect();
    if (box.bottom < top || box.top > bottom) continue;
    const node = el.firstChild;
    if (!node || node.nodeType !== Node.TEXT_NODE) continue;
    for (const m of (node.textContent ?? '').matchAll(/\p{L}{5,}/gu)) {
      if (touched(node, m.index, m.index + m[0].length)) continue;
      const r = document.createRange();
      r.setStart(node, m.index);
      r.setEnd(node, m.index + m[0].length);
      const rects = r.getClientRects();
      const b = rects[0];
      if (rects.length !== 1 || !b || b.top < top || b.bottom > bottom || b.left < view.left + 8 || b.right > view.right - 24) continue;
      found.push({ word: m[0], x: b.left + b.width / 2, y: b.top + b.height / 2, offset: Number(el.dataset['start']) + m.index });
    }
  }
  return found.length > 0 ? found[seed % found.length]! : null;
}

export interface ImportTasks {
  /** Longest main-thread task from the file's arrival (the input's change) to the commit, in ms; 0 if none over 50 ms. */
  readonly longestToCommit: number;
  /** Longest task from the commit to the opened document (spanmark:imported). */
  readonly longestOpening: number;
  readonly toCommit: readonly number[];
}

type TaskWindow = Window & {
  __spanmarkTasks?: { tasks: { start: number; duration: number }[]; at: Record<string, number>; observer: PerformanceObserver };
};

/** Long tasks recorded around one gesture, and when the file's change and each awaited event first came. */
export interface RecordedTasks {
  readonly tasks: readonly { readonly start: number; readonly duration: number }[];
  readonly at: Readonly<Record<string, number>>;
}

/**
 * Starts recording long tasks (PerformanceObserver 'longtask', i.e. over 50 ms), and the first
 * time the file input's change and each of `events` come, for a gesture that starts with a file.
 */
export function recordTasks(events: readonly string[]): void {
  const w = window as TaskWindow;
  w.__spanmarkTasks?.observer.disconnect();
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) rec.tasks.push({ start: e.startTime, duration: e.duration });
  });
  const rec: NonNullable<TaskWindow['__spanmarkTasks']> = { tasks: [], at: {}, observer };
  w.__spanmarkTasks = rec;
  observer.observe({ type: 'longtask' });
  for (const name of ['change', ...events])
    window.addEventListener(name, () => (rec.at[name] ??= performance.now()), { capture: name === 'change', once: true });
}

export function collectTasks(): RecordedTasks {
  const rec = (window as TaskWindow).__spanmarkTasks;
  if (!rec) throw new Error('collectTasks() before recordTasks()');
  rec.observer.takeRecords().forEach((e) => rec.tasks.push({ start: e.startTime, duration: e.duration }));
  rec.observer.disconnect();
  return { tasks: rec.tasks, at: rec.at };
}
