import { createHash } from "node:crypto";

/** Number of MinHash values in a signature; the store splits it into LSH bands. */
const SIGNATURE_SIZE = 64;
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

function hashWords(w: string[]): string {
  return createHash("sha256").update(w.join(" ")).digest("hex");
}

/** SHA-256 of the normalized words: equal for texts that differ only in spacing, case or punctuation. */
export function contentHash(text: string): string {
  return hashWords(words(text));
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

/** Deterministic odd multipliers and offsets for the hash family, one pair per signature position. */
const MULTIPLIERS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => (fnv1a(`a${i}`) | 1) >>> 0);
const OFFSETS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => fnv1a(`b${i}`));

function signatureOf(w: string[]): number[] {
  const shingles = new Set<number>();
  if (w.length < SHINGLE) {
    for (const x of w) shingles.add(fnv1a(x));
  } else {
    // Hash each shingle by chaining the words' hashes: no string is built per shingle.
    const wordHashes = w.map(fnv1a);
    for (let i = 0; i + SHINGLE <= w.length; i++) {
      let h = 0x811c9dc5;
      for (let j = 0; j < SHINGLE; j++) h = Math.imul(h ^ (wordHashes[i + j] as number), 0x01000193);
      shingles.add(h >>> 0);
    }
  }
  const sig = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (const s of shingles) {
    for (let k = 0; k < SIGNATURE_SIZE; k++) {
      let v = s ^ (OFFSETS[k] as number);
      v = Math.imul(v ^ (v >>> 16), MULTIPLIERS[k] as number);
      v ^= v >>> 13;
      v = Math.imul(v, 0xc2b2ae35);
      v = (v ^ (v >>> 16)) >>> 0;
      if (v < (sig[k] as number)) sig[k] = v;
    }
  }
  return Array.from(sig);
}

/** MinHash signature over 4-word shingles. Texts too short for a shingle hash their words instead. */
export function minhashSignature(text: string): number[] {
  return signatureOf(words(text));
}

/** Content hash and MinHash signature from one pass over the words. */
export function fingerprint(text: string): { contentHash: string; signature: number[] } {
  const w = words(text);
  return { contentHash: hashWords(w), signature: signatureOf(w) };
}

/** Estimated Jaccard similarity: the share of positions where two signatures agree. */
export function signatureSimilarity(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let same = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i]) same++;
  return same / n;
}
