// The review specs' common start: I am Dana, I tag a few spans of the sample article, and
// colleagues' exports for it are imported through File › Import as their layers. Aigerim's and
// Bolat's files are the ones most review specs compare against.

import type { Page } from '@playwright/test';
import { colleagueExport } from '../fixtures/exports.js';
import { SpanmarkApp, type Label } from './app.js';

export interface MySpan {
  readonly quote: string;
  readonly label: Label;
  readonly occurrence?: number;
}

export const AIGERIM = colleagueExport('Aigerim', [
  { id: 'ai-1', label: 'claim', quote: 'at least six waves of terrorist attacks' },
  { id: 'ai-2', label: 'casualty', quote: 'Their number increased to 18', note: 'interior ministry figure' },
  { id: 'ai-3', label: 'deployment', quote: 'security forces' },
  { id: 'ai-4', label: 'claim', quote: 'received extensive training abroad' },
]);
export const BOLAT = colleagueExport('Bolat', [
  { id: 'bo-1', label: 'claim', quote: 'at least six waves of terrorist attacks in Almaty' },
  { id: 'bo-2', label: 'casualty', quote: 'two of them were beheaded' },
]);

/** My three spans: one matches Aigerim's ai-1 exactly, one is her ai-2 under another label. */
export const DANA_SPANS: readonly MySpan[] = [
  { quote: 'at least six waves of terrorist attacks', label: 'claim' },
  { quote: 'Their number increased to 18', label: 'claim' },
  { quote: 'Alma-Ata', label: 'deployment', occurrence: 0 },
];

export const AIGERIM_AND_BOLAT: readonly (readonly [string, Buffer])[] = [
  ['aigerim.spanmark.json', AIGERIM],
  ['bolat.spanmark.json', BOLAT],
];

/** Named Dana, the sample open, `mine` tagged, then each colleague file imported. */
export async function withColleagues(
  page: Page,
  mine: readonly MySpan[] = DANA_SPANS,
  files: readonly (readonly [string, Buffer])[] = AIGERIM_AND_BOLAT,
): Promise<SpanmarkApp> {
  const app = new SpanmarkApp(page);
  await app.goto();
  await app.setAnnotator('Dana');
  await app.openSample();
  for (const s of mine) {
    await app.select(s.quote, s.occurrence === undefined ? {} : { occurrence: s.occurrence });
    await app.tag(s.label);
  }
  for (const [name, file] of files) await app.importBuffer(name, file);
  return app;
}
