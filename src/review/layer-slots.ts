// Each colleague gets one of a fixed set of markers (colour + overline style + initials badge),
// chosen from a hash of their name so the same colleague keeps the same marker across documents
// and sessions; a collision on one document moves the later name (by sort order) to a free slot.

export const LAYER_SLOTS = 6;

export function layerSlots(annotators: readonly string[]): Map<string, number> {
  const slots = new Map<string, number>();
  const used = new Set<number>();
  for (const name of [...annotators].sort()) {
    let slot = hash(name) % LAYER_SLOTS;
    for (let i = 0; i < LAYER_SLOTS && used.has(slot); i++) slot = (slot + 1) % LAYER_SLOTS;
    used.add(slot);
    slots.set(name, slot);
  }
  return slots;
}

export function initials(name: string): string {
  const parts = name
    .trim()
    .split(/[\s._-]+/u)
    .filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]!, parts[parts.length - 1]!].map((p) => [...p][0]) : [...(parts[0] ?? '?')].slice(0, 2);
  return letters.join('').toUpperCase();
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}
