import { createHash } from "node:crypto";

/** Number of MinHash values in a signature; the store splits it into LSH bands. */
export const SIGNATURE_SIZE = 64;
/** Estimated Jaccard similarity of word shingles at or above which two articles are the same article. */
export const NEAR_DUPLICATE_THRESHOLD = 0.8;

const SHINGLE = 4;

/** Lower-cased words with punctuation and typographic variants folded away. */
function words(text: string): string[] {
  return (
    text
      .normalize("NFKC")
      .toLowerCase()
      .replace(/[’‘`´]/g, "'")
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** SHA-256 of the normalized words: equal for texts that differ only in spacing, case or punctuation. */
export function contentHash(text: string): string {
  return createHash("sha256").update(words(text).join(" ")).digest("hex");
}

/** FNV-1a, 32 bit. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Deterministic odd multipliers and offsets for the universal hash family. */
const SEEDS: Array<[number, number]> = Array.from({ length: SIGNATURE_SIZE }, (_, i) => [
  (fnv1a(`a${i}`) | 1) >>> 0,
  fnv1a(`b${i}`),
]);

/** MinHash signature over 4-word shingles. Texts too short for a shingle hash their words instead. */
export function minhashSignature(text: string): number[] {
  const w = words(text);
  const shingles = new Set<number>();
  if (w.length < SHINGLE) {
    for (const x of w) shingles.add(fnv1a(x));
  } else {
    for (let i = 0; i + SHINGLE <= w.length; i++) shingles.add(fnv1a(w.slice(i, i + SHINGLE).join(" ")));
  }
  const sig = new Array<number>(SIGNATURE_SIZE).fill(0xffffffff);
  for (const s of shingles) {
    for (let k = 0; k < SIGNATURE_SIZE; k++) {
      const seed = SEEDS[k] as [number, number];
      let v = s ^ seed[1];
      v = Math.imul(v ^ (v >>> 16), seed[0]);
      v ^= v >>> 13;
      v = Math.imul(v, 0xc2b2ae35);
      v = (v ^ (v >>> 16)) >>> 0;
      if (v < (sig[k] as number)) sig[k] = v;
    }
  }
  return sig;
}

/** Estimated Jaccard similarity: the share of positions where two signatures agree. */
export function signatureSimilarity(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let same = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i]) same++;
  return same / n;
}
