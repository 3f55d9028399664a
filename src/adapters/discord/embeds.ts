import type { APIEmbed } from "discord.js";
import type { Citation, Reply, ReplyLine, ReplySection } from "../../core/reply.js";
import { chunk, escapeText, link, plainText, truncate } from "./markdown.js";
import { type Piece, packEmbeds } from "./pack.js";

/** One Discord message of a rendered Reply. Send it with `allowed_mentions: { parse: [] }`. */
export interface DiscordMessage {
  embeds: APIEmbed[];
}

export interface RenderOptions {
  /** At most this many messages (the first, then follow-ups); what does not fit is cut with a note. */
  maxMessages?: number;
}

/** Discord's limits on a message's embeds. */
export const LIMITS = {
  embedsPerMessage: 10,
  totalPerMessage: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
} as const;

const COLORS: Record<Reply["kind"], number> = {
  brief: 0x3b82f6,
  stance: 0x8b5cf6,
  quotes: 0x14b8a6,
  answer: 0x22c55e,
  search: 0x64748b,
  summary: 0x0ea5e9,
  stories: 0xf59e0b,
  topics: 0x94a3b8,
  sources: 0x94a3b8,
  help: 0x94a3b8,
  "no-coverage": 0xeab308,
  notice: 0x22c55e,
  error: 0xef4444,
};

/** An invisible field name, for headings that show nothing. */
const BLANK = "\u200b";

/** Kinds whose unheaded lines are running sentences rather than a list. */
const PROSE = new Set<Reply["kind"]>(["answer", "summary"]);

function marks(cite: number[]): string {
  return cite.map((n) => `[${n}]`).join("");
}

function lineText(l: ReplyLine): string {
  const body = l.speaker ? `> “${escapeText(l.text)}” — **${escapeText(l.speaker)}**` : escapeText(l.text);
  return l.cite.length ? `${body} ${marks(l.cite)}` : body;
}

/** A headed section as fields: the heading as the name, subtitle and lines as the value (split at 1,024). */
function sectionFields(section: ReplySection, heading: string): Piece[] {
  const lines: string[] = [];
  if (section.subtitle) lines.push(`*${escapeText(section.subtitle)}*`);
  for (const l of section.lines) lines.push(...chunk(lineText(l), LIMITS.fieldValue));
  const extra = (section.sources ?? []).filter((n) => !section.lines.some((l) => l.cite.includes(n)));
  if (extra.length) lines.push(`Also: ${marks(extra)}`);
  if (lines.length === 0) lines.push("-");
  const values: string[] = [];
  for (const line of lines) {
    const last = values.length - 1;
    const current = values[last];
    if (current !== undefined && current.length + 1 + line.length <= LIMITS.fieldValue) {
      values[last] = `${current}\n${line}`;
    } else {
      values.push(line);
    }
  }
  // Discord refuses a field without a name; a heading of invisible characters keeps an invisible one.
  const shown = escapeText(heading).trim() || BLANK;
  const name = truncate(shown, LIMITS.fieldName);
  const more = truncate(shown, LIMITS.fieldName - " (continued)".length);
  return values.map((value, i) => ({ type: "field", name: i === 0 ? name : `${more} (continued)`, value }));
}

function textPieces(text: string): Piece[] {
  return chunk(text, LIMITS.fieldValue).map((t) => ({ type: "text", text: t }));
}

function mainPieces(reply: Reply): Piece[] {
  const pieces: Piece[] = [];
  if (reply.kind === "error") {
    pieces.push(...textPieces(escapeText(reply.message)));
    if (reply.usage) pieces.push(...textPieces(`*${escapeText(reply.usage)}*`));
  }
  if (reply.intro) pieces.push(...textPieces(escapeText(reply.intro)));
  for (const section of reply.sections) {
    if (section.heading) {
      pieces.push(...sectionFields(section, section.heading));
      continue;
    }
    if (section.subtitle) pieces.push(...textPieces(`*${escapeText(section.subtitle)}*`));
    const bullet = PROSE.has(reply.kind) || section.lines.length === 1 ? "" : "• ";
    for (const l of section.lines) {
      const text = lineText(l);
      pieces.push(...textPieces(bullet && !l.speaker ? `${bullet}${text}` : text));
    }
  }
  if (pieces.length === 0) pieces.push({ type: "text", text: "-" });
  return pieces;
}

function citationText(c: Citation): string {
  const label = [c.title, c.source].find((t) => t && escapeText(t).trim() !== "") ?? "untitled";
  const rest: string[] = [];
  if (c.source && c.source !== "unknown") rest.push(escapeText(c.source));
  if (c.publishedAt) rest.push(escapeText(c.publishedAt.slice(0, 10)));
  const id = c.articleId.replace(/[`\s]/g, "");
  if (id) rest.push(`id \`${id}\``);
  const text = (first: string) => [`**[${c.n}]** ${first}`, ...rest].join(" · ");
  const linked = text(link(label, c.url));
  // A line longer than a description paragraph would be cut inside its link: show it without the link instead.
  return linked.length <= LIMITS.fieldValue ? linked : text(escapeText(label));
}

function footerText(reply: Reply): string {
  const parts: string[] = [];
  if (reply.note) parts.push(reply.note);
  const outlets = [...new Set(reply.citations.map((c) => c.source).filter((s) => s && s !== "unknown"))];
  if (outlets.length) parts.push(`Sources: ${outlets.join(", ")}`);
  return plainText(parts.join(" · "));
}

/**
 * A Reply as Discord messages of embeds: the title and intro, sections as fields (or lines), then the numbered
 * sources with links, and a footer naming the outlets. Every message stays within Discord's limits (6,000
 * characters across its embeds, 10 embeds, 25 fields, 4,096 per description, 1,024 per field value), splitting
 * into follow-up messages when needed. Article text is escaped and cannot ping anyone.
 */
export function renderReply(reply: Reply, options: RenderOptions = {}): DiscordMessage[] {
  const color = reply.kind === "notice" && reply.data.status === "info" ? COLORS.topics : COLORS[reply.kind];
  const groups = [
    { title: truncate(escapeText(reply.title).trim(), LIMITS.title), color, pieces: mainPieces(reply) },
  ];
  if (reply.citations.length > 0) {
    const pieces = reply.citations.flatMap((c) => textPieces(citationText(c)));
    groups.push({ title: "Sources", color, pieces });
  }
  const messages = packEmbeds(groups, footerText(reply), options.maxMessages ?? 10);
  return messages.map((embeds) => ({ embeds }));
}

/** The characters Discord counts against the 6,000 limit of a message's embeds. */
export function embedChars(embed: APIEmbed): number {
  let n = (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0);
  n += embed.author?.name.length ?? 0;
  for (const f of embed.fields ?? []) n += f.name.length + f.value.length;
  return n;
}
