import { TextDecoder } from "node:util";

/** A body turned into text. */
interface DecodedBody {
  text: string;
  /** The charset label the body was decoded with, lower-case; undefined when none was declared and UTF-8 was assumed. */
  charset?: string;
}

/** How many leading bytes are searched for `<meta charset>` or an XML encoding declaration. */
const SNIFF_BYTES = 1024;

const XML_ENCODING = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([\w.:-]+)["']/i;
/** Matches both `<meta charset="x">` and `<meta http-equiv="Content-Type" content="text/html; charset=x">`. */
const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i;

/** windows-1252's characters for bytes 0x80-0x9F (where it differs from ISO-8859-1); U+FFFD for the five unused. */
const WINDOWS_1252_C1 = "€\ufffd‚ƒ„…†‡ˆ‰Š‹Œ\ufffdŽ\ufffd\ufffd‘’“”•–—˜™š›œ\ufffdžŸ";

/**
 * Decodes windows-1252 (which the WHATWG Encoding Standard also uses for "iso-8859-1", "latin1" and "ascii").
 * Done by hand because some Node 20 releases decode it as ISO-8859-1, turning “smart quotes” into C1 controls.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  return latin1.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80] ?? c);
}

function decode(decoder: TextDecoder, bytes: Uint8Array): string {
  return decoder.encoding === "windows-1252" ? decodeWindows1252(bytes) : decoder.decode(bytes);
}

function decoderFor(label: string | undefined): TextDecoder | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label.trim().toLowerCase());
  } catch {
    return undefined;
  }
}

function bomCharset(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  return undefined;
}

/** The charset declared inside the document's first bytes: an XML declaration or a `<meta>` tag. */
function sniffCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, SNIFF_BYTES)).toString(
    "latin1",
  );
  const label = (XML_ENCODING.exec(head) ?? META_CHARSET.exec(head))?.[1]?.toLowerCase();
  // A document readable as ASCII to find this declaration cannot be UTF-16 (the HTML standard's rule).
  return label?.startsWith("utf-16") ? "utf-8" : label;
}

/**
 * Decodes a body: a byte-order mark wins, then the charset from the Content-Type header, then one declared in
 * the document itself, else UTF-8. Unknown labels are skipped; invalid bytes become U+FFFD.
 */
export function decodeBody(bytes: Uint8Array, headerCharset?: string): DecodedBody {
  for (const label of [bomCharset(bytes), headerCharset, sniffCharset(bytes)]) {
    const decoder = decoderFor(label);
    if (decoder && label) return { text: decode(decoder, bytes), charset: label.trim().toLowerCase() };
  }
  return { text: new TextDecoder("utf-8").decode(bytes) };
}
