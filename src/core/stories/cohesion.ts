/**
 * Junk resistance: each line of an article is weighted by how much it shares the vocabulary of the rest of the
 * article (cosine of term counts), and lines in another language than the article (by the share of English
 * function words) count little. Sign-in forms, subscription notices, author boxes and "most viewed" lists share
 * little with the story, so their words weigh less even when the cleaner missed them.
 */

/** Lines sharing less than this fraction of the typical line's cohesion lose weight in proportion. */
const RELATIVE_FLOOR = 0.5;
const MIN_WEIGHT = 0.1;
/** Lines with at least this many terms set the typical cohesion, each by its number of terms. */
const MIN_TERMS_FOR_REFERENCE = 8;

/** Rounds of re-weighting: the article's centroid is recomputed with junk lines already weighed down. */
const ROUNDS = 3;

/** Weights in [MIN_WEIGHT, 1], one per unit, given each unit's term counts. */
export function cohesionWeights(units: ReadonlyArray<ReadonlyMap<string, number>>): number[] {
  let weights = units.map(() => 1);
  const sizes = units.map(sumOf);
  for (let round = 0; round < ROUNDS; round++) {
    const total = new Map<string, number>();
    units.forEach((u, i) => {
      for (const [k, c] of u) total.set(k, (total.get(k) ?? 0) + c * (weights[i] ?? 1));
    });
    let totalSq = 0;
    for (const c of total.values()) totalSq += c * c;
    const sims = units.map((u, i) => similarityToRest(u, weights[i] ?? 1, total, totalSq));
    const reference = weightedMedian(
      sims,
      sizes.map((n) => (n >= MIN_TERMS_FOR_REFERENCE ? n : 0)),
    );
    if (reference === null || reference <= 0) return units.map(() => 1);
    weights = sims.map((s) => Math.max(MIN_WEIGHT, Math.min(1, (s / (RELATIVE_FLOOR * reference)) ** 2)));
  }
  return weights;
}

/** Cosine of a unit's counts with the weighted total of all other units (`totalSq`: the total's squared norm). */
function similarityToRest(
  u: ReadonlyMap<string, number>,
  weight: number,
  total: ReadonlyMap<string, number>,
  totalSq: number,
): number {
  let dot = 0;
  let uu = 0;
  let cross = 0;
  for (const [k, c] of u) {
    const d = total.get(k) ?? 0;
    dot += c * (d - weight * c);
    uu += c * c;
    cross += c * d;
  }
  const restSq = totalSq - 2 * weight * cross + weight * weight * uu;
  return uu > 0 && restSq > 1e-12 ? dot / Math.sqrt(uu * restSq) : 0;
}

function sumOf(u: ReadonlyMap<string, number> | undefined): number {
  let n = 0;
  for (const c of u?.values() ?? []) n += c;
  return n;
}

/** The value at the middle of the total weight: the typical line of the article by its share of the words. */
function weightedMedian(values: readonly number[], weights: readonly number[]): number | null {
  const order = values.map((v, i) => [v, weights[i] ?? 0] as const).filter(([, w]) => w > 0);
  order.sort((a, b) => a[0] - b[0]);
  const total = order.reduce((s, [, w]) => s + w, 0);
  let seen = 0;
  for (const [v, w] of order) {
    seen += w;
    if (seen >= total / 2) return v;
  }
  return null;
}

/** Lines of at least this many words with under a third of the article's share of function words are foreign. */
const MIN_WORDS_FOR_LANGUAGE = 6;

/** 1 for each line in the article's language, MIN_WEIGHT for the others; `stops[i]`/`words[i]` count line i. */
export function languageWeights(stops: readonly number[], words: readonly number[]): number[] {
  const totalStops = stops.reduce((a, b) => a + b, 0);
  const totalWords = words.reduce((a, b) => a + b, 0);
  const share = totalWords > 0 ? totalStops / totalWords : 0;
  return words.map((n, i) =>
    n >= MIN_WORDS_FOR_LANGUAGE && (stops[i] ?? 0) / n < share / 3 ? MIN_WEIGHT : 1,
  );
}
