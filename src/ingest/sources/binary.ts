import { decodeBody, decodeWindows1252 } from "../fetch/charset.js";

const SIGNATURES: Array<[string, number[]]> = [
  ["PDF document", [0x25, 0x50, 0x44, 0x46]],
  ["PNG image", [0x89, 0x50, 0x4e, 0x47]],
  ["JPEG image", [0xff, 0xd8, 0xff]],
  ["GIF image", [0x47, 0x49, 0x46, 0x38]],
  ["ZIP archive or Office document", [0x50, 0x4b, 0x03, 0x04]],
  ["gzip archive", [0x1f, 0x8b]],
  ["executable", [0x7f, 0x45, 0x4c, 0x46]],
];

/** Names the kind of binary file a buffer holds, or returns undefined when it looks like text. */
export function binaryKind(buf: Uint8Array): string | undefined {
  for (const [name, sig] of SIGNATURES) {
    if (sig.every((b, i) => buf[i] === b)) return name;
  }
  const n = Math.min(buf.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = buf[i] as number;
    if (c === 0) return "binary data";
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  return n > 0 && control / n > 0.05 ? "binary data" : undefined;
}

/**
 * Decodes a text file: a byte-order mark or a declared charset (`<meta charset>`, XML declaration) wins; else
 * UTF-8, falling back to Windows-1252 for legacy files that are not valid UTF-8.
 */
export function decodeText(buf: Uint8Array): string {
  const declared = decodeBody(buf);
  if (declared.charset) return declared.text;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(buf);
  } catch {
    return decodeWindows1252(buf);
  }
}
