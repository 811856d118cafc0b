// Maximum bipartite matching, so relaxed span F1 counts the best possible pairing of overlapping
// spans rather than whatever a greedy pass happens to find. Hopcroft-Karp with an explicit stack:
// long chains of overlapping spans would otherwise risk overflowing the call stack.

/**
 * adjacency[u] lists the right vertices (0..rightCount-1) joined to left vertex u.
 * Returns matchLeft[u] = matched right vertex or -1, and the matching size.
 * O(E·√V); our overlap graphs are sparse, so E stays near the number of spans.
 */
export function maximumMatching(adjacency: readonly (readonly number[])[], rightCount: number): { size: number; matchLeft: Int32Array } {
  const n = adjacency.length;
  const matchLeft = new Int32Array(n).fill(-1);
  const matchRight = new Int32Array(rightCount).fill(-1);
  const dist = new Int32Array(n);
  const next = new Int32Array(n);
  const INF = 0x7fffffff;
  let size = 0;

  const layer = (): boolean => {
    const queue: number[] = [];
    for (let u = 0; u < n; u++) {
      dist[u] = matchLeft[u]! < 0 ? 0 : INF;
      if (dist[u] === 0) queue.push(u);
    }
    let found = false;
    for (let q = 0; q < queue.length; q++) {
      const u = queue[q]!;
      for (const v of adjacency[u]!) {
        const w = matchRight[v]!;
        if (w < 0) found = true;
        else if (dist[w] === INF) {
          dist[w] = dist[u]! + 1;
          queue.push(w);
        }
      }
    }
    return found;
  };

  const augment = (root: number): boolean => {
    const stack = [root];
    const via: number[] = [];
    while (stack.length > 0) {
      const u = stack[stack.length - 1]!;
      const edges = adjacency[u]!;
      if (next[u]! >= edges.length) {
        dist[u] = INF;
        stack.pop();
        via.pop();
        continue;
      }
      const v = edges[next[u]!]!;
      next[u] = next[u]! + 1;
      const w = matchRight[v]!;
      if (w < 0) {
        via[stack.length - 1] = v;
        for (let k = stack.length - 1; k >= 0; k--) {
          matchLeft[stack[k]!] = via[k]!;
          matchRight[via[k]!] = stack[k]!;
        }
        return true;
      }
      if (dist[w] === dist[u]! + 1) {
        via[stack.length - 1] = v;
        stack.push(w);
      }
    }
    return false;
  };

  while (layer()) {
    next.fill(0);
    for (let u = 0; u < n; u++) if (matchLeft[u]! < 0 && augment(u)) size += 1;
  }
  return { size, matchLeft };
}
