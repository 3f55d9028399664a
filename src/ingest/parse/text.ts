import { type Block, normalizeSpace } from "../blocks.js";

const LIST_MARKER = /^\s*(?:[-*•·▪–]|\d{1,3}[.)])\s+/;

/**
 * Plain text → blocks. Every non-empty line is a block, except that a blank-line-separated group of hard-wrapped
 * lines (all but the last longer than 50 characters, none a list item) is joined into one paragraph.
 */
export function textToBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  const groups = text.replace(/\r\n?/g, "\n").split(/\n[ \t\u00a0]*\n/);
  for (const group of groups) {
    const lines = group
      .split("\n")
      .map((l) => l.replace(/[ \t\u00a0]+$/g, ""))
      .filter((l) => normalizeSpace(l) !== "");
    if (lines.length === 0) continue;
    const hardWrapped =
      lines.length > 1 &&
      lines.slice(0, -1).every((l) => normalizeSpace(l).length > 50) &&
      lines.every((l) => !LIST_MARKER.test(l));
    if (hardWrapped) {
      blocks.push({ kind: "line", text: normalizeSpace(lines.join(" ")) });
    } else {
      for (const line of lines) blocks.push({ kind: "line", text: normalizeSpace(line) });
    }
  }
  return blocks;
}
