import { NewsdeskError } from "../../errors.js";

/** LSH banding: the 64-value MinHash signature is cut into 16 bands of 4 values. */
const BAND_COUNT = 16;
const BAND_SIZE = 4;

const MAX_U32 = 0xffffffff;
const TWO_32 = 2 ** 32;
const TWO_48 = 2 ** 48;

function assertSignature(signature: readonly number[]): void {
  for (const v of signature) {
    if (!Number.isInteger(v) || v < 0 || v > MAX_U32) {
      throw new NewsdeskError(
        "STORE_FAILED",
        `invalid signature value ${String(v)}: expected a 32-bit unsigned integer`,
      );
    }
  }
}

/** The signature as a BLOB of little-endian 32-bit unsigned integers. Throws on a value that is not one. */
export function encodeSignature(signature: readonly number[]): Buffer {
  assertSignature(signature);
  const buf = Buffer.allocUnsafe(signature.length * 4);
  signature.forEach((v, i) => {
    buf.writeUInt32LE(v, i * 4);
  });
  return buf;
}

export function decodeSignature(blob: Uint8Array): number[] {
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  const out = new Array<number>(Math.floor(blob.byteLength / 4));
  for (let i = 0; i < out.length; i++) out[i] = view.getUint32(i * 4, true);
  return out;
}

/** Murmur3-style 32-bit mix of the band's values under a seed. */
function mixBand(values: readonly number[], seed: number): number {
  let h = seed >>> 0;
  for (const v of values) {
    let k = Math.imul(v >>> 0, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= values.length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * One key per complete band: `band * 2^48 + hash48(band values)`, i.e. the pair (band index, band hash) packed
 * into one safe integer. Two signatures share a key when they agree on all four values of that band (a hash
 * collision only adds a candidate, which the similarity check then rejects).
 */
export function bandKeys(signature: readonly number[]): number[] {
  assertSignature(signature);
  const keys: number[] = [];
  for (let band = 0; band < BAND_COUNT; band++) {
    const values = signature.slice(band * BAND_SIZE, (band + 1) * BAND_SIZE);
    if (values.length < BAND_SIZE) break;
    const hi = mixBand(values, 0x9e3779b9 + band) & 0xffff;
    const lo = mixBand(values, 0x85ebca6b ^ band);
    keys.push(band * TWO_48 + hi * TWO_32 + lo);
  }
  return keys;
}
