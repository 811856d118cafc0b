// A long layer as a colleague would send it: the bench's generator (tests/bench/case.ts) over the
// sample article repeated to `targetBytes`, every span carrying all of its label's attributes,
// labels in turn, annotated by BENCH_ANNOTATOR. Seeded, so a test sees the same spans every run.

import { buildCase, type BenchCase } from '../../bench/case.js';
import { corpusPath } from './app.js';

export function longCase(annotations: number, seed: number, targetBytes = 150_000): Promise<BenchCase> {
  return buildCase({ sources: [corpusPath('kazakhstan-2022-01-07.txt')], targetBytes, annotations, seed, generatorVersion: '0.1.0' });
}
