/** Sparse weighted vectors as sorted `[key, weight]` arrays: the form the store persists. */

export type SparseVector = Array<[string, number]>;

/** Heaviest first; equal weights by key, so the order is deterministic. */
export function byWeight(a: [string, number], b: [string, number]): number {
  return b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
}

export function norm(v: SparseVector): number {
  let s = 0;
  for (const [, w] of v) s += w * w;
  return Math.sqrt(s);
}

/** Scaled to unit length, rounded to 4 decimals (compact JSON), heaviest first, zero weights dropped. */
export function normalize(v: SparseVector): SparseVector {
  const n = norm(v);
  if (n === 0) return [];
  return v
    .map(([k, w]): [string, number] => [k, Math.round((w / n) * 1e4) / 1e4])
    .filter(([, w]) => w > 0)
    .sort(byWeight);
}

/** Keys starting with this character are cues riding along after a vector's keys (see `assign.ts`). */
const CUE_CHAR = 37; // "%"

/**
 * Dot product of a vector given as a map with another vector, and the other vector's norm, in one pass. Cue keys
 * (`%`, kept at the end of a story centroid) count in neither; keys in `skip` are left out of the dot product only.
 */
export function dotAndNorm(
  a: ReadonlyMap<string, number>,
  b: SparseVector,
  skip?: ReadonlySet<string>,
): { dot: number; norm: number } {
  let dot = 0;
  let bb = 0;
  let end = b.length;
  while (end > 0 && (b[end - 1] as [string, number])[0].charCodeAt(0) === CUE_CHAR) end--;
  // An index loop: this is the inner loop of assignment, run for every candidate story.
  for (let i = 0; i < end; i++) {
    const entry = b[i] as [string, number];
    const w = entry[1];
    bb += w * w;
    const x = a.get(entry[0]);
    if (x !== undefined && (skip === undefined || !skip.has(entry[0]))) dot += x * w;
  }
  return { dot, norm: Math.sqrt(bb) };
}

/** Cosine similarity of a vector given as a map (with its norm) and another vector. */
export function cosine(a: ReadonlyMap<string, number>, aNorm: number, b: SparseVector): number {
  const { dot, norm: bNorm } = dotAndNorm(a, b);
  return aNorm === 0 || bNorm === 0 ? 0 : dot / (aNorm * bNorm);
}

/** The running mean of `n` vectors after adding one more, cut to the `limit` heaviest keys. */
export function addToMean(mean: SparseVector, n: number, v: SparseVector, limit: number): SparseVector {
  const sum = new Map<string, number>();
  for (const [k, w] of mean) sum.set(k, w * n);
  for (const [k, w] of v) sum.set(k, (sum.get(k) ?? 0) + w);
  return [...sum]
    .map(([k, w]): [string, number] => [k, Math.round((w / (n + 1)) * 1e4) / 1e4])
    .filter(([, w]) => w > 0)
    .sort(byWeight)
    .slice(0, limit);
}
