/** Parses a `since` word: "24h", "7d", "2w", "90m" or a date "2026-03-01". Returns the cut-off, or undefined. */
export function parseSince(word: string, now: Date): Date | undefined {
  const rel = /^(\d{1,4})\s*(m|min|h|d|w)$/i.exec(word.trim());
  if (rel) {
    const n = Number(rel[1]);
    const unit = (rel[2] ?? "").toLowerCase();
    const ms = unit === "w" ? 7 * 86_400_000 : unit === "d" ? 86_400_000 : unit === "h" ? 3_600_000 : 60_000;
    if (n <= 0) return undefined;
    return new Date(now.getTime() - n * ms);
  }
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(word.trim());
  if (date) {
    const t = Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]));
    const d = new Date(t);
    if (d.getUTCDate() !== Number(date[3])) return undefined;
    return d;
  }
  return undefined;
}

/** Splits "/brief" arguments into a topic and a trailing `since` word. */
export function splitTopicAndSince(
  argument: string,
  now: Date,
): { topic: string; since: Date | undefined; sinceWord: string | undefined } {
  const words = argument.trim().split(/\s+/).filter(Boolean);
  const last = words.at(-1);
  if (last !== undefined) {
    const since = parseSince(last, now);
    if (since) return { topic: words.slice(0, -1).join(" "), since, sinceWord: last };
  }
  return { topic: words.join(" "), since: undefined, sinceWord: undefined };
}
