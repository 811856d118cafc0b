// Code the corpus bench runs inside the page (passed to page.evaluate). The library view sends no
// app event when its rows, a sort or search results are on screen, so the clock stops when the DOM
// shows them (a MutationObserver checks after every change), and then at the next frame: a
// requestAnimationFrame callback runs before that frame's paint and a task posted from it runs
// after it. Long tasks (PerformanceObserver 'longtask', over 50 ms) are recorded around a gesture.
// Like in-page.ts, functions here must not close over module scope: only their arguments travel.

export interface DomSpec {
  /** The gesture that starts the clock, caught in the capture phase before the app sees it. */
  readonly trigger: 'pointerdown' | 'change' | 'input';
  /** The element whose appearance (or text) stops the clock. */
  readonly selector: string;
  /** …once its text includes this. */
  readonly textIncludes?: string;
  /** …once its text no longer includes this. */
  readonly textExcludes?: string;
  readonly timeoutMs: number;
}

export interface DomMeasured {
  /** Trigger → the DOM shows it. */
  readonly domMs: number;
  /** Trigger → the frame after that has been painted. */
  readonly ms: number;
  /** The longest task (over 50 ms) that started between the trigger and the paint; 0 if none. */
  readonly longestTaskMs: number;
  /** The element's text when it matched (for checks). */
  readonly text: string;
}

type DomWindow = Window & { __spanmarkDom?: Promise<DomMeasured> };

export function armDom(spec: DomSpec): void {
  const w = window as DomWindow;
  w.__spanmarkDom = new Promise<DomMeasured>((resolve, reject) => {
    let t0: number | undefined;
    let matched = false;
    const tasks: { start: number; duration: number }[] = [];
    const longtasks = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
    });
    longtasks.observe({ type: 'longtask' });
    const check = (): void => {
      if (t0 === undefined || matched) return;
      const el = document.querySelector(spec.selector);
      if (!el) return;
      const text = el.textContent ?? '';
      if (spec.textIncludes !== undefined && !text.includes(spec.textIncludes)) return;
      if (spec.textExcludes !== undefined && text.includes(spec.textExcludes)) return;
      matched = true;
      const dom = performance.now();
      requestAnimationFrame(() =>
        setTimeout(() => {
          const painted = performance.now();
          stop();
          // Long-task entries arrive after their task ends; the paint's task has ended by now.
          for (const e of longtasks.takeRecords()) tasks.push({ start: e.startTime, duration: e.duration });
          longtasks.disconnect();
          // Tasks running at or after the trigger (the one that dispatched it included: the app's handler runs there).
          const within = tasks.filter((t) => t.start + t.duration > t0! && t.start < painted).map((t) => t.duration);
          resolve({ domMs: dom - t0!, ms: painted - t0!, longestTaskMs: Math.max(0, ...within), text });
        }, 0),
      );
    };
    const observer = new MutationObserver(check);
    const onTrigger = (): void => {
      if (t0 !== undefined) return;
      t0 = performance.now();
      observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
      // The gesture may change nothing the observer would see when the state is already shown.
      queueMicrotask(check);
    };
    const timer = setTimeout(() => {
      stop();
      longtasks.disconnect();
      reject(
        new Error(
          t0 === undefined
            ? `no ${spec.trigger} reached the page`
            : `${spec.selector}${spec.textIncludes ? ` with “${spec.textIncludes}”` : ''} did not show within ${spec.timeoutMs} ms of the ${spec.trigger}`,
        ),
      );
    }, spec.timeoutMs);
    const stop = (): void => {
      clearTimeout(timer);
      observer.disconnect();
      window.removeEventListener(spec.trigger, onTrigger, true);
    };
    window.addEventListener(spec.trigger, onTrigger, true);
  });
  // Collected later; until then a rejection must not surface as an unhandled one.
  w.__spanmarkDom.catch(() => undefined);
}

export function collectDom(): Promise<DomMeasured> {
  const p = (window as DomWindow).__spanmarkDom;
  if (!p) throw new Error('armDom was not called');
  return p;
}

export interface TaskLog {
  readonly longestMs: number;
  /** Every long task: when it started (ms after the trigger) and how long it ran, in order. */
  readonly tasks: readonly { readonly atMs: number; readonly ms: number }[];
}

type TaskWindow = Window & { __spanmarkLongTasks?: { observer: PerformanceObserver; tasks: { start: number; duration: number }[]; from?: number } };

/** Starts recording long tasks; those that start after the next `trigger` event are counted. */
export function recordLongTasks(trigger: 'change' | 'pointerdown'): void {
  const w = window as TaskWindow;
  w.__spanmarkLongTasks?.observer.disconnect();
  const rec: NonNullable<TaskWindow['__spanmarkLongTasks']> = {
    tasks: [],
    observer: new PerformanceObserver((list) => {
      for (const e of list.getEntries()) rec.tasks.push({ start: e.startTime, duration: e.duration });
    }),
  };
  w.__spanmarkLongTasks = rec;
  rec.observer.observe({ type: 'longtask' });
  window.addEventListener(trigger, () => (rec.from ??= performance.now()), { capture: true, once: true });
}

/**
 * The long tasks since the trigger. The task the trigger is dispatched in is the harness's own
 * (Playwright hands the file to the page and fires the change from that task), so it is left out.
 */
export function collectLongTasks(): TaskLog {
  const rec = (window as TaskWindow).__spanmarkLongTasks;
  if (!rec || rec.from === undefined) throw new Error('no long-task recording with a trigger');
  for (const e of rec.observer.takeRecords()) rec.tasks.push({ start: e.startTime, duration: e.duration });
  rec.observer.disconnect();
  const from = rec.from;
  const after = rec.tasks.filter((t) => t.start > from).map((t) => ({ atMs: Math.round(t.start - from), ms: t.duration }));
  return { longestMs: Math.max(0, ...after.map((t) => t.ms)), tasks: after };
}
