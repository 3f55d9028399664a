/** Outlet names found in boilerplate, kept as a hint for the article's source before the block is removed. */
import type { State } from "./types.js";

const NOT_A_NAME =
  /^(?:we|us|our|this (?:site|website|page|publication|newsletter)|the (?:site|website|publication)|it|you)$/i;
/** Trailing edition/region words that are not part of the outlet's name. */
const EDITION =
  /\s+(?:(?:USA|US|UK|English|International|Global|America|Americas|Europe|Asia|Digital|Online|Print|Latin America)\s+)*Edition$/u;

const CONNECTOR = /^(?:of|the|and|&|de|del|la|el|des|du|der|die|das|da|do|di|e|y|et|und|for|on)$/;

/** The leading run of capitalized words ("Harbor Gazette in your inbox" → "Harbor Gazette"). */
function capitalizedRun(s: string): string {
  const words = s.split(" ");
  let end = 0;
  const cap = (w: string | undefined) => /^[\p{Lu}\d]/u.test(w ?? "");
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? "";
    if (cap(w)) {
      end = i + 1;
      continue;
    }
    // Connectors ("of the") join capitalized words: "Attack of the Fanboy".
    let j = i;
    while (j < words.length && CONNECTOR.test(words[j] ?? "")) j++;
    if (i === 0 || j === i || !cap(words[j])) break;
    i = j - 1;
  }
  return words.slice(0, end).join(" ");
}

/** Cleans a candidate outlet name; undefined when it does not look like one. */
function outletName(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let s = raw.replace(/\s+/g, " ").replace(/^[\s"“'‘(]+|[\s"”'’).,;:!?|–—-]+$/gu, "");
  s = capitalizedRun(s)
    .replace(EDITION, "")
    .replace(/(?:\s+(?:19|20)\d{2})+$/, "")
    .trim();
  if (s.length < 2 || s.length > 60 || NOT_A_NAME.test(s)) return undefined;
  if (!/^[\p{Lu}\d]/u.test(s)) return undefined;
  if (s.split(" ").length > 7) return undefined;
  return s;
}

/** Records the first outlet name found. */
export function hintSource(st: State, raw: string | undefined): void {
  if (st.meta.sourceHint) return;
  const name = outletName(raw);
  if (name) st.meta.sourceHint = name;
}
