import { createHash } from "node:crypto";
import { appendFile, mkdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { renderMarkdown } from "../adapters/markdown/render.js";
import type { ChannelRef } from "../core/channel.js";
import type { Reply } from "../core/reply.js";

const MAX_PART = 64;

/**
 * A file-name part made of letters, digits, "-" and "_" only. A long one is cut and ends in a hash of the whole
 * text, so that two long channel ids with the same beginning do not share a file.
 */
function part(text: string): string {
  const clean = text.replace(/[^A-Za-z0-9_-]+/g, "_").replace(/^_+|_+$/g, "") || "channel";
  if (clean.length <= MAX_PART) return clean;
  const hash = createHash("sha256").update(text).digest("hex").slice(0, 12);
  return `${clean.slice(0, MAX_PART - hash.length - 1)}-${hash}`;
}

/** `<dir>/<YYYY-MM-DD>-<platform>-<channel>.md`, sanitised. */
export function archivePath(dir: string, date: string, channel: ChannelRef): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : "undated";
  return join(dir, `${day}-${part(channel.platform)}-${part(channel.channelId)}.md`);
}

/**
 * Archives a digest as Markdown in the channel's file for `date` (its local date), creating the directory;
 * a second digest on the same day is appended after a rule. Returns the file's path.
 */
export async function archiveDigest(
  dir: string,
  date: string,
  channel: ChannelRef,
  reply: Reply,
): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = archivePath(dir, date, channel);
  const exists = await stat(path).then(
    (s) => s.size > 0,
    () => false,
  );
  await appendFile(path, `${exists ? "\n---\n\n" : ""}${renderMarkdown(reply)}`, "utf8");
  return path;
}
