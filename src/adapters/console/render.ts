import type { Citation, Reply, ReplyLine } from "../../core/reply.js";

export interface TextRenderOptions {
  /** Columns to wrap at. */
  width?: number;
}

/** ANSI escape sequences (CSI and OSC) that could move the cursor, recolour or retitle the terminal. */
// biome-ignore lint/complexity/useRegexLiterals: as a literal, the control characters would trip noControlCharactersInRegex
const ESCAPES = new RegExp(String.raw`\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?)`, "g");
/** Control characters and bidirectional overrides, except tab and line feed. */
// biome-ignore lint/complexity/useRegexLiterals: as a literal, the control characters would trip noControlCharactersInRegex
const CONTROLS = new RegExp(String.raw`[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]`, "g");

/** Removes terminal control sequences and control characters from untrusted text, keeping line breaks. */
export function safeText(text: string): string {
  return text.replace(ESCAPES, "").replace(CONTROLS, "");
}

function wrap(text: string, width: number, indent: string, hanging = indent): string[] {
  const lines: string[] = [];
  let line = "";
  let prefix = indent;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && prefix.length + line.length + 1 + word.length > width) {
      lines.push(prefix + line);
      prefix = hanging;
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(prefix + line);
  return lines;
}

function marks(cite: number[]): string {
  return cite.map((n) => `[${n}]`).join("");
}

function lineText(l: ReplyLine): string {
  const text = safeText(l.text);
  const body = l.speaker ? `“${text}” (${safeText(l.speaker)})` : text;
  return l.cite.length ? `${body} ${marks(l.cite)}` : body;
}

function citationLine(c: Citation): string {
  const source = c.source && c.source !== "unknown" ? `${safeText(c.source)}: ` : "";
  const date = c.publishedAt ? ` (${c.publishedAt.slice(0, 10)})` : "";
  const url = c.url ? ` ${safeText(c.url)}` : "";
  return `[${c.n}] ${source}${safeText(c.title)}${date}${url} · id ${c.articleId}`;
}

/** A Reply as terminal text: wrapped, with numbered citations and the sources listed at the end. */
export function renderText(reply: Reply, options: TextRenderOptions = {}): string {
  const width = Math.max(40, options.width ?? 88);
  const out: string[] = [];
  if (reply.kind === "error") {
    out.push(...wrap(`✗ ${safeText(reply.message)}`, width, ""));
    if (reply.usage) out.push(...wrap(safeText(reply.usage), width, "  "));
    return `${out.join("\n")}\n`;
  }
  out.push(safeText(reply.title));
  if (reply.intro) out.push(...wrap(safeText(reply.intro), width, ""));
  for (const section of reply.sections) {
    out.push("");
    if (section.heading) out.push(...wrap(`■ ${safeText(section.heading)}`, width, "", "  "));
    if (section.subtitle) out.push(...wrap(safeText(section.subtitle), width, "  "));
    for (const l of section.lines) out.push(...wrap(lineText(l), width, section.heading ? "  " : "• ", "  "));
    const extra = (section.sources ?? []).filter((n) => !section.lines.some((l) => l.cite.includes(n)));
    if (extra.length) out.push(...wrap(`Also: ${marks(extra)}`, width, "  "));
  }
  if (reply.note) out.push("", ...wrap(safeText(reply.note), width, ""));
  if (reply.citations.length) {
    out.push("", "Sources");
    for (const c of reply.citations) out.push(...wrap(citationLine(c), width, "", "    "));
  }
  return `${out.join("\n")}\n`;
}
