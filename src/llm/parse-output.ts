/**
 * The model's answer as sentences with the passage ids they cite. The asked-for format is one sentence per line
 * ending with "[P3]" or "[P1][P4]"; common variations are read too ("[P1, P4]", bullets, numbering, several cited
 * sentences on one line, citations before the final full stop, a reasoning model's <think> block).
 */

export interface ParsedSentence {
  text: string;
  /** Passage ids as written, upper-cased ("P3"); may name passages that do not exist. */
  cites: string[];
}

/** One or more bracketed citation groups, and the punctuation right after them. */
const CITATIONS = /\s*((?:[[(]\s*P\d+(?:\s*[,;]\s*P?\d+)*\s*[\])]\s*)+)([.!?…]*)/giu;

function idsOf(group: string): string[] {
  return [...group.matchAll(/P?(\d+)/giu)].map((m) => `P${m[1]}`);
}

function cleanLine(line: string): string {
  return line
    .replace(/^\s*(?:[-*•]|\d+[.)])\s+/u, "")
    .replace(/\*\*|__/g, "")
    .trim();
}

/** Text a reasoning model wrote before its answer, and markdown code fences, removed. */
function stripWrapping(text: string): string {
  return text
    .replace(/<think>[\s\S]*?(?:<\/think>|$)/giu, "")
    .split("\n")
    .filter((l) => !/^\s*```/.test(l))
    .join("\n");
}

/** Whether a line is the model talking about its answer ("Here is the summary:"), which is not counted. */
function isPreamble(text: string): boolean {
  return /:\s*$/.test(text);
}

function parseLine(line: string): ParsedSentence[] {
  const out: ParsedSentence[] = [];
  let from = 0;
  for (const m of line.matchAll(CITATIONS)) {
    const at = m.index ?? 0;
    const text = `${line.slice(from, at).trim()}${m[2] ?? ""}`.trim();
    const cites = [...new Set(idsOf(m[1] ?? ""))];
    from = at + m[0].length;
    if (/[\p{L}\p{N}]/u.test(text)) out.push({ text, cites });
    else {
      // Citations for the sentence before, written after its full stop: "… troops. [P1]".
      const last = out.at(-1);
      if (last) last.cites = [...new Set([...last.cites, ...cites])];
    }
  }
  const rest = line.slice(from).trim();
  if (/[\p{L}\p{N}]/u.test(rest) && !isPreamble(rest)) out.push({ text: rest, cites: [] });
  return out;
}

/** Every sentence of the answer, in order; lines without words are skipped. */
export function parseOutput(text: string): ParsedSentence[] {
  return stripWrapping(text)
    .split(/\r?\n/)
    .map(cleanLine)
    .filter((l) => l !== "")
    .flatMap(parseLine);
}

/** The lines of a streamed answer that are complete (followed by a line break); the rest may still grow. */
export function completeLines(soFar: string): string {
  const end = soFar.lastIndexOf("\n");
  return end < 0 ? "" : soFar.slice(0, end);
}
