import { NewsdeskError } from "../../errors.js";

/** "5 MB", "512 KB", "300 bytes". */
function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
}

export function tooLarge(url: string, maxBytes: number, size?: number): NewsdeskError {
  const actual = size === undefined ? "" : ` (${formatBytes(size)})`;
  return new NewsdeskError(
    "INPUT_TOO_LARGE",
    `${url} is larger than the ${formatBytes(maxBytes)} limit${actual}`,
  );
}

/** Reads a response body, failing with INPUT_TOO_LARGE as soon as it passes `maxBytes`. */
export async function readBody(res: Response, url: string, maxBytes: number): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(url, maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}
