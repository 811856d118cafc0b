// Problem collection for validators that read a whole untrusted document and report every problem
// with its JSON path, up to a bound so that a hostile file cannot make the report itself huge.

import type { Problem } from '../result.js';

/** Thrown by Report.add once the report is full; the validator's entry point catches it. */
export class TooManyProblems extends Error {}

/** Collects problems; throws TooManyProblems once `limit` of them have been added. */
export class Report {
  readonly problems: Problem[] = [];
  constructor(readonly limit: number) {}
  add(code: string, path: string, message: string): void {
    this.problems.push({ code, path, message });
    if (this.problems.length >= this.limit) throw new TooManyProblems();
  }
  get count(): number {
    return this.problems.length;
  }
}
