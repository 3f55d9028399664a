/**
 * Comments and elements whose content is never article text: scripts, styles, inline SVG, noscript and
 * templates. One left-to-right pass, so a "<script>" inside a comment (or "-->" inside a script) is handled as
 * the HTML tokenizer would.
 */
const NOISE = /<!--[\s\S]*?-->|<(script|style|svg|noscript|template)(?=[\s/>])([^>]*)>[\s\S]*?<\/\1\s*>/gi;

/** Opening and closing tags of the page furniture dropped before parsing. */
const FURNITURE_TAG = /<(\/?)(nav|aside)(?=[\s/>])[^>]*>/gi;

/**
 * Removes whole `<nav>` and `<aside>` elements (the block walker drops them anyway), matching nested tags of the
 * same name. An element that is never closed is left alone.
 */
function stripFurniture(html: string): string {
  const keep: string[] = [];
  let kept = 0;
  let open: { tag: string; start: number; depth: number } | undefined;
  for (const match of html.matchAll(FURNITURE_TAG)) {
    const closing = match[1] === "/";
    const tag = (match[2] ?? "").toLowerCase();
    if (!open) {
      if (!closing) open = { tag, start: match.index, depth: 1 };
      continue;
    }
    if (tag !== open.tag) continue;
    open.depth += closing ? -1 : 1;
    if (open.depth === 0) {
      keep.push(html.slice(kept, open.start));
      kept = match.index + match[0].length;
      open = undefined;
    }
  }
  if (kept === 0) return html;
  keep.push(html.slice(kept));
  return keep.join("");
}

/**
 * Removes markup that only costs parsing time before the page is parsed: on a typical news page this is most
 * of its bytes and nodes. JSON-LD scripts are kept for the metadata.
 */
export function stripNoise(html: string): string {
  const quiet = html.replace(NOISE, (match, tag: string | undefined, attrs: string | undefined) =>
    tag?.toLowerCase() === "script" && /ld\+json/i.test(attrs ?? "") ? match : "",
  );
  return stripFurniture(quiet);
}
