/** Link targets from untrusted text (article URLs) as the chat adapters accept them, before each escapes its own way. */

/** `raw`, trimmed, as a URL when it parses, is http(s) and carries no credentials; null for anything else. */
export function httpUrl(raw: string | null | undefined): URL | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.username || url.password) return null;
  return url;
}
