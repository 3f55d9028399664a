/**
 * The model's answer as sentences with the passage ids they cite. The asked-for format is one sentence per line
 * ending with "[P3]" or "[P1][P4]"; common variations are read too ("[P1, P4]", bullets, numbering, several cited
 * sentences on one line, citations before the final full stop, fullwidth brackets "【P1】", a reasoning model's
 * <think> block, a sentence wrapped over several lines).
 */

export interface ParsedSentence {
  text: string;
  /** Passage ids as written, upper-cased ("P3"); may name passages that do not exist. */
  cites: string[];
}

/** One or more bracketed citation groups, and the punctuation right after them. */
const CITATIONS = /\s*((?:[[(【［（]\s*P\d+(?:\s*[,;、，\-–]\s*P?\d+)*\s*[\])】］）]\s*)+)([.!?…]*)/giu;

/** Most passages a range ("[P1-P4]") may name. */
const MAX_RANGE = 20;

function idsOf(group: string): string[] {
  const ids: string[] = [];
  for (const m of group.matchAll(/P?(\d+)(?:\s*[-–]\s*P?(\d+))?/giu)) {
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (to < from || to - from >= MAX_RANGE) ids.push(`P${from}`);
    else for (let n = from; n <= to; n++) ids.push(`P${n}`);
  }
  return ids;
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

/**
 * Whether a line is the model talking about its answer ("Here is the summary:") or a markdown heading ("# Summary"),
 * which is not counted.
 */
function isPreamble(text: string): boolean {
  return /:\s*$/.test(text) || /^#{1,6}\s/u.test(text);
}

function parseLine(line: string): ParsedSentence[] {
  const out: ParsedSentence[] = [];
  let from = 0;
  // A sentence cited in its middle ("A strike [P1] began on Tuesday [P2]."): its text and citations so far.
  let head = "";
  let headCites: string[] = [];
  for (const m of line.matchAll(CITATIONS)) {
    const at = m.index ?? 0;
    const end = at + m[0].length;
    const piece = line.slice(from, at).trim();
    const ids = idsOf(m[1] ?? "");
    from = end;
    if (!m[2] && /[\p{L}\p{N}]/u.test(piece) && /^[\p{Ll},;]/u.test(line.slice(end))) {
      head = `${head} ${piece}`.trim();
      headCites = [...headCites, ...ids];
      continue;
    }
    const text = `${`${head} ${piece}`.trim()}${m[2] ?? ""}`.trim();
    const cites = [...new Set([...headCites, ...ids])];
    head = "";
    headCites = [];
    if (/[\p{L}\p{N}]/u.test(text)) out.push({ text, cites });
    else {
      // Citations for the sentence before, written after its full stop: "… troops. [P1]".
      const last = out.at(-1);
      if (last) last.cites = [...new Set([...last.cites, ...cites])];
    }
  }
  const rest = `${head} ${line.slice(from).trim()}`.trim();
  if (/[\p{L}\p{N}]/u.test(rest) && !isPreamble(rest))
    out.push({ text: rest, cites: [...new Set(headCites)] });
  return out;
}

/** A line that starts an item of its own: a bullet, a number or a markdown heading. */
const ITEM = /^\s*(?:[-*•]|\d+[.)]|#{1,6})\s+/u;

/**
 * Whether a line ends where a sentence may end: final punctuation, a closing quote or bracket, or a colon; a heading
 * always ends.
 */
function ends(line: string): boolean {
  return /[.!?…:"”’»)\]】］）]\s*$/u.test(line) || /^\s*#{1,6}\s/u.test(line);
}

/**
 * The answer's lines, with a sentence wrapped over several lines joined into one ("… rejected\nthe offer [P1]."), and
 * whether the last one may still go on (it does not end like a sentence).
 */
function logicalLines(text: string): { lines: string[]; open: boolean } {
  const lines: string[] = [];
  let open = false;
  for (const raw of stripWrapping(text).split(/\r?\n/)) {
    if (raw.trim() === "") {
      open = false;
      continue;
    }
    const last = lines.length - 1;
    if (open && last >= 0 && !ITEM.test(raw)) lines[last] = `${lines[last]} ${raw.trim()}`;
    else lines.push(raw);
    open = !ends(raw);
  }
  return { lines, open };
}

/**
 * Every sentence of the answer, in order; lines without words are skipped. `partial`: the answer is still being
 * streamed, so a last line that does not end like a sentence is left out (its end may still come).
 */
export function parseOutput(text: string, partial = false): ParsedSentence[] {
  const { lines, open } = logicalLines(text);
  if (partial && open) lines.pop();
  return lines
    .map(cleanLine)
    .filter((l) => l !== "")
    .flatMap(parseLine);
}

/** The lines of a streamed answer that are complete (followed by a line break); the rest may still grow. */
export function completeLines(soFar: string): string {
  const end = soFar.lastIndexOf("\n");
  return end < 0 ? "" : soFar.slice(0, end);
}
