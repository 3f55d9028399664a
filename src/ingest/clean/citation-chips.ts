/**
 * Copy-paste citation chips at the end of a paragraph: "… and even Greenland. Outlet Name+1" → "… and even Greenland."
 * A chip is a short capitalized source name after the final sentence, marked by "+N", a domain, or a news word.
 */

const NEWS_WORD =
  /(?:News|Times|Post|Press|Journal|Reuters|AP|AFP|BBC|CNN|NPR|Guardian|Tribune|Herald|Gazette|Wikipedia|Politico|Axios|Bloomberg|Telegraph|Independent|Observer|Chronicle|Magazine|Daily|Weekly|Today|Wire|Agency|Network|Report|Review|Economist|Atlantic|Hill|Insider|Verge|Wired)$/u;
const CHIP =
  /([.!?]["”’»)]?)\s+((?:\p{Lu}[\p{L}\p{N}.&'’-]*)(?:\s+(?:\p{Lu}[\p{L}\p{N}.&'’-]*|of|the|de|la|del|y|and|&)){0,5}|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|gov|edu|io|co|news|info|[a-z]{2}))(\+\d{1,2})?\s*$/u;

/** Removes a trailing citation chip; returns the text unchanged when there is none. */
export function trimCitationChip(text: string): string {
  // A chip is short: only the end of the paragraph needs looking at.
  const offset = text.length > 100 ? text.length - 100 : 0;
  const m = CHIP.exec(offset ? text.slice(offset) : text);
  if (!m) return text;
  const name = m[2] ?? "";
  const plus = m[3] !== undefined;
  const domain = /\.[a-z]{2,}$/.test(name) && !/\s/.test(name);
  if (!plus && !domain && !NEWS_WORD.test(name)) return text;
  // Keep real closing sentences: a chip has no verb-like lowercase words and few words.
  if (name.split(/\s+/).length > 6) return text;
  return text.slice(0, offset + m.index) + (m[1] ?? "");
}
