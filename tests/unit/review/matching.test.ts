// Hopcroft-Karp against brute force on small graphs, and on a chain long enough that a recursive
// implementation would overflow the stack.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { maximumMatching } from '../../../src/review/agreement/matching.js';

/** Exhaustive maximum matching for tiny graphs: try each left vertex unmatched or on each free edge. */
function bruteForce(adjacency: readonly (readonly number[])[], used = new Set<number>(), u = 0): number {
  if (u === adjacency.length) return 0;
  let best = bruteForce(adjacency, used, u + 1);
  for (const v of adjacency[u]!) {
    if (used.has(v)) continue;
    used.add(v);
    best = Math.max(best, 1 + bruteForce(adjacency, used, u + 1));
    used.delete(v);
  }
  return best;
}

test('property: Hopcroft-Karp finds the maximum and a valid matching', () => {
  const graph = fc
    .integer({ min: 0, max: 6 })
    .chain((right) =>
      fc.array(fc.uniqueArray(fc.integer({ min: 0, max: Math.max(0, right - 1) }), { maxLength: right }), { maxLength: 7 }).map((adj) => ({ right, adj })),
    );
  fc.assert(
    fc.property(graph, ({ right, adj }) => {
      const { size, matchLeft } = maximumMatching(adj, right);
      assert.equal(size, bruteForce(adj));
      const taken = [...matchLeft].filter((v) => v >= 0);
      assert.equal(taken.length, size);
      assert.equal(new Set(taken).size, size);
      matchLeft.forEach((v, u) => assert.ok(v < 0 || adj[u]!.includes(v)));
    }),
    { numRuns: 500 },
  );
});

test('an augmenting path 100 000 edges long does not overflow the stack', () => {
  // Left k is u_{n-1-k}; u_i is joined to v_{i-1} (listed first) and v_i; u_0 only to v_0. The first
  // phase pairs u_i with v_{i-1} for every i ≥ 1, leaving u_0 with one path through the whole chain.
  const n = 100_000;
  const adj = Array.from({ length: n }, (_, k) => {
    const i = n - 1 - k;
    return i === 0 ? [0] : [i - 1, i];
  });
  assert.equal(maximumMatching(adj, n).size, n);
});
