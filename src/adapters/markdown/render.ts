import type { Citation, Reply, ReplyLine, ReplySection } from "../../core/reply.js";
import { httpUrl } from "../http-url.js";

/**
 * A Reply as Markdown (the briefing archive): numbered citation links after each line and a source list at the
 * end. Untrusted text (article titles, sentences, sources) is escaped so that it cannot open a link, an image,
 * HTML, a heading or a list, and URLs become links only when they are http(s).
 */

/** Inline Markdown and HTML: emphasis, code, links and images (through "["), HTML, tables, strikethrough. */
const SPECIAL = /[\\`*_[\]<>&|~]/g;
const ENTITIES: Record<string, string> = { "<": "&lt;", ">": "&gt;", "&": "&amp;" };
/** What would start a block at the beginning of a line: a heading, a list item, a quote, a rule. */
const BLOCK_START = /^([#+=-]|\d+(?=[.)]))/;

/** Untrusted text as inert Markdown on one line: no markup, HTML, or autolinked URL survives. */
export function escapeMarkdown(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
      .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]+/g, " ")
      .replace(/\s+/g, " ")
      .trim()
      .replace(SPECIAL, (c) => ENTITIES[c] ?? `\\${c}`)
      .replace(BLOCK_START, (m) => (/\d/.test(m) ? `${m}\\` : `\\${m}`))
      // GFM turns bare "https://…" and "www.…" into links: break the patterns.
      .replace(/:\/\//g, ":\\/\\/")
      .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\\.`)
  );
}

/** An http(s) URL, percent-encoded so it cannot end the link early; null for anything else. */
export function safeUrl(url: string | null): string | null {
  const parsed = httpUrl(url);
  if (!parsed) return null;
  return parsed.href.replace(
    /[()<>"'`\\\s]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`,
  );
}

function citeLinks(numbers: number[], byN: Map<number, Citation>): string {
  return numbers
    .map((n) => {
      const url = safeUrl(byN.get(n)?.url ?? null);
      return url ? `[\\[${n}\\]](${url})` : `\\[${n}\\]`;
    })
    .join("");
}

function line(l: ReplyLine, byN: Map<number, Citation>): string {
  const text = escapeMarkdown(l.text);
  const body = l.speaker ? `“${text}” (${escapeMarkdown(l.speaker)})` : text;
  return l.cite.length ? `${body} ${citeLinks(l.cite, byN)}` : body;
}

function section(s: ReplySection, byN: Map<number, Citation>): string[] {
  const out: string[] = [];
  if (s.heading) out.push(`## ${escapeMarkdown(s.heading)}`, "");
  if (s.subtitle) out.push(`_${escapeMarkdown(s.subtitle)}_`, "");
  for (const l of s.lines) out.push(`- ${line(l, byN)}`);
  const extra = (s.sources ?? []).filter((n) => !s.lines.some((l) => l.cite.includes(n)));
  if (extra.length) out.push("", `Also: ${citeLinks(extra, byN)}`);
  out.push("");
  return out;
}

function source(c: Citation): string {
  const title = escapeMarkdown(c.title) || "untitled";
  const url = safeUrl(c.url);
  const named = c.source && c.source !== "unknown" ? `${escapeMarkdown(c.source)}: ` : "";
  const date = c.publishedAt ? ` (${escapeMarkdown(c.publishedAt.slice(0, 10))})` : "";
  return `${c.n}. ${named}${url ? `[${title}](${url})` : title}${date} · id ${escapeMarkdown(c.articleId)}`;
}

export function renderMarkdown(reply: Reply): string {
  if (reply.kind === "error") {
    const usage = reply.usage ? `\n\n${escapeMarkdown(reply.usage)}` : "";
    return `**${escapeMarkdown(reply.message)}**${usage}\n`;
  }
  const byN = new Map(reply.citations.map((c) => [c.n, c]));
  const out = [`# ${escapeMarkdown(reply.title)}`, ""];
  if (reply.intro) out.push(escapeMarkdown(reply.intro), "");
  for (const s of reply.sections) out.push(...section(s, byN));
  if (reply.note) out.push(`> ${escapeMarkdown(reply.note)}`, "");
  if (reply.citations.length) {
    out.push("## Sources", "");
    for (const c of reply.citations) out.push(source(c));
    out.push("");
  }
  return `${out.join("\n").trimEnd()}\n`;
}
