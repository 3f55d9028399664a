/** TF-IDF sentence vectors, their cosine similarities, and LexRank centrality over them. */

/** Cosine similarity of every pair of term lists under TF-IDF weights (IDF over the lists themselves); n×n, row-major. */
export function similarityMatrix(termLists: readonly string[][]): Float64Array {
  const n = termLists.length;
  const df = new Map<string, number>();
  for (const terms of termLists) for (const t of new Set(terms)) df.set(t, (df.get(t) ?? 0) + 1);
  const postings = new Map<string, Array<[number, number]>>();
  termLists.forEach((terms, i) => {
    const tf = new Map<string, number>();
    for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    const weights: Array<[string, number]> = [];
    let norm = 0;
    for (const [t, f] of tf) {
      const w = (1 + Math.log(f)) * Math.log(1 + n / (df.get(t) as number));
      weights.push([t, w]);
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    if (norm === 0) return;
    for (const [t, w] of weights) {
      const list = postings.get(t);
      if (list) list.push([i, w / norm]);
      else postings.set(t, [[i, w / norm]]);
    }
  });
  const sim = new Float64Array(n * n);
  for (const list of postings.values()) {
    for (let a = 0; a < list.length; a++) {
      const [i, wi] = list[a] as [number, number];
      for (let b = a + 1; b < list.length; b++) {
        const [j, wj] = list[b] as [number, number];
        sim[i * n + j] = (sim[i * n + j] as number) + wi * wj;
        sim[j * n + i] = (sim[j * n + i] as number) + wi * wj;
      }
    }
  }
  for (let i = 0; i < n; i++) sim[i * n + i] = termLists[i]?.length ? 1 : 0;
  return sim;
}

/** Continuous LexRank (PageRank over the similarity graph, no self-loops), scaled so the top sentence is 1. */
export function lexRank(sim: Float64Array, n: number, damping = 0.85, iterations = 50): Float64Array {
  const rank = new Float64Array(n);
  if (n === 0) return rank;
  // Sparse row-normalized transitions: sentence j passes its rank to its neighbours i.
  const offsets = new Int32Array(n + 1);
  const targets: number[] = [];
  const weights: number[] = [];
  for (let j = 0; j < n; j++) {
    let sum = 0;
    for (let i = 0; i < n; i++) if (i !== j) sum += sim[j * n + i] as number;
    if (sum > 0) {
      for (let i = 0; i < n; i++) {
        const v = sim[j * n + i] as number;
        if (i !== j && v > 0) {
          targets.push(i);
          weights.push(v / sum);
        }
      }
    }
    offsets[j + 1] = targets.length;
  }
  rank.fill(1 / n);
  const next = new Float64Array(n);
  for (let it = 0; it < iterations; it++) {
    let dangling = 0;
    for (let j = 0; j < n; j++) if (offsets[j] === offsets[j + 1]) dangling += rank[j] as number;
    next.fill((1 - damping) / n + (damping * dangling) / n);
    for (let j = 0; j < n; j++) {
      const r = damping * (rank[j] as number);
      const end = offsets[j + 1] as number;
      for (let k = offsets[j] as number; k < end; k++) {
        const i = targets[k] as number;
        next[i] = (next[i] as number) + r * (weights[k] as number);
      }
    }
    let delta = 0;
    for (let i = 0; i < n; i++) {
      delta += Math.abs((next[i] as number) - (rank[i] as number));
      rank[i] = next[i] as number;
    }
    if (delta < 1e-6) break;
  }
  let max = 0;
  for (const r of rank) max = Math.max(max, r);
  if (max > 0) for (let i = 0; i < n; i++) rank[i] = (rank[i] as number) / max;
  return rank;
}
