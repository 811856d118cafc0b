// Chromium performance traces of one measured gesture (`npm run bench -- --trace`). A CPU profile
// shows only JavaScript; the time a label key spends in style, layout, highlight painting and
// waiting for the next frame is only visible in the renderer's trace. Saved traces open in the
// DevTools Performance panel; the summary printed here says where the main thread's time went.

import type { CDPSession, Page } from '@playwright/test';

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly args?: { readonly name?: string; readonly data?: { readonly type?: string } };
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'toplevel',
  'v8.execute',
  'blink.user_timing',
];

export interface Tracing {
  stop(): Promise<TraceEvent[]>;
}

export async function startTrace(page: Page): Promise<Tracing> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Tracing.start', { transferMode: 'ReturnAsStream', traceConfig: { includedCategories: CATEGORIES } });
  return {
    async stop() {
      const done = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (e: { stream?: string }) => resolve(e.stream ?? '')));
      await cdp.send('Tracing.end');
      const handle = await done;
      let text = '';
      for (;;) {
        const chunk = await cdp.send('IO.read', { handle });
        text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
        if (chunk.eof) break;
      }
      await cdp.send('IO.close', { handle });
      await cdp.detach();
      const parsed = JSON.parse(text) as { traceEvents?: TraceEvent[] } | TraceEvent[];
      return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
    },
  };
}

/** Renderer main-thread events worth naming, in the order a frame runs them. */
const PHASES = [
  'EventDispatch',
  'FunctionCall',
  'TimerFire',
  'FireAnimationFrame',
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'Commit',
  'MinorGC',
  'MajorGC',
  'V8.GC_SCAVENGER',
] as const;

/**
 * The renderer main thread from the first event of `startType` (e.g. a keydown) to the end of the
 * trace: each task's start (ms after that event), its length, and the phases inside it.
 */
export function mainThreadSummary(events: readonly TraceEvent[], startType: string): string[] {
  const threadName = events.find(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((x) => x.pid === e.pid && x.name === 'EventDispatch'),
  );
  if (!threadName) return ['no renderer main thread with input events in the trace'];
  const main = events.filter((e) => e.pid === threadName.pid && e.tid === threadName.tid && e.ph === 'X' && e.dur !== undefined);
  const start = main.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === startType);
  if (!start) return [`no ${startType} event dispatched on the renderer main thread`];
  const isTask = (e: TraceEvent): boolean => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask';
  // Outermost tasks only: a RunTask is often nested in a ThreadControllerImpl::RunTask.
  const all = main.filter(isTask);
  const tasks = all.filter(
    (e) =>
      e.ts + (e.dur ?? 0) >= start.ts &&
      !all.some((o) => o !== e && o.ts <= e.ts && o.ts + (o.dur ?? 0) >= e.ts + (e.dur ?? 0) && (o.ts < e.ts || (o.dur ?? 0) > (e.dur ?? 0))),
  );
  const lines: string[] = [];
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    const inside = main.filter((e) => e !== task && e.ts >= task.ts && e.ts <= end);
    // Phases nest (a Paint per painted layer inside the document's Paint): count the outermost.
    const outermost = (p: string): TraceEvent[] => {
      const named = inside.filter((e) => e.name === p);
      return named.filter((e) => !named.some((o) => o !== e && o.ts <= e.ts && o.ts + (o.dur ?? 0) >= e.ts + (e.dur ?? 0)));
    };
    const phases = PHASES.map((p) => [p, outermost(p).reduce((n, e) => n + (e.dur ?? 0), 0)] as const).filter(([, d]) => d >= 100);
    if ((task.dur ?? 0) < 200 && phases.length === 0) continue;
    const desc = phases.map(([p, d]) => `${p} ${(d / 1000).toFixed(2)}`).join(', ');
    lines.push(`+${((task.ts - start.ts) / 1000).toFixed(2).padStart(7)} ms  task ${((task.dur ?? 0) / 1000).toFixed(2).padStart(6)} ms  ${desc}`);
  }
  return lines;
}
