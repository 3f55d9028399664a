import { parse as parseYaml } from "yaml";
import type { ArticleMeta } from "../../core/article.js";
import { type Block, normalizeSpace } from "../blocks.js";
import { toIsoDate } from "../iso-date.js";

const FRONT_MATTER = /^\ufeff?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

function str(v: unknown): string | undefined {
  if (typeof v === "string" && v.trim() !== "") return v.trim();
  if (typeof v === "number") return String(v);
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString();
  return undefined;
}

/** Reads YAML front matter (title, source, url, published, author, language) and returns it with the body. */
export function splitFrontMatter(text: string): { meta: ArticleMeta; body: string } {
  const m = FRONT_MATTER.exec(text);
  if (!m) return { meta: {}, body: text };
  let data: unknown;
  try {
    data = parseYaml(m[1] ?? "");
  } catch {
    // Not YAML after all: treat the whole file as body.
    return { meta: {}, body: text };
  }
  const body = text.slice(m[0].length);
  if (data === null || typeof data !== "object" || Array.isArray(data)) return { meta: {}, body };
  const d = data as Record<string, unknown>;
  const meta: ArticleMeta = {};
  const title = str(d.title);
  const source = str(d.source) ?? str(d.outlet) ?? str(d.publisher);
  const url = str(d.url) ?? str(d.link);
  const author = str(d.author) ?? str(d.byline);
  const published = toIsoDate(str(d.published) ?? str(d.publishedAt) ?? str(d.date));
  const language = str(d.language) ?? str(d.lang);
  if (title) meta.title = title;
  if (source) meta.source = source;
  if (url) meta.url = url;
  if (author) meta.author = author;
  if (published) meta.publishedAt = published;
  if (language) meta.language = language.toLowerCase().slice(0, 2);
  return { meta, body };
}

/** Removes inline Markdown: images, links (keeping their text), emphasis, code ticks and stray HTML tags. */
function stripInline(text: string): string {
  return text
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, "$1")
    .replace(/<\/?[a-zA-Z][^>]*>/g, "")
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/(^|[\s(])[*_]([^*_\s][^*_]*?)[*_](?=[\s).,;:!?]|$)/g, "$1$2")
    .replace(/`([^`]+)`/g, "$1")
    .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, "$1");
}

/** Markdown body → blocks: headings, list items, block quotes and paragraphs (soft-wrapped lines joined). */
export function markdownToBlocks(body: string): Block[] {
  const blocks: Block[] = [];
  let para: string[] = [];
  let quote: string[] = [];
  let inFence = false;
  const flush = () => {
    if (para.length) blocks.push({ kind: "paragraph", text: normalizeSpace(stripInline(para.join(" "))) });
    if (quote.length) blocks.push({ kind: "quote", text: normalizeSpace(stripInline(quote.join(" "))) });
    para = [];
    quote = [];
  };
  for (const rawLine of body.replace(/\r\n?/g, "\n").split("\n")) {
    const line = rawLine.trimEnd();
    if (/^\s*(```|~~~)/.test(line)) {
      flush();
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      if (line.trim()) para.push(line);
      continue;
    }
    if (line.trim() === "") {
      flush();
      continue;
    }
    const heading = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      flush();
      blocks.push({
        kind: "heading",
        level: heading[1]?.length ?? 1,
        text: normalizeSpace(stripInline(heading[2] ?? "")),
      });
      continue;
    }
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) {
      flush();
      continue;
    }
    const item = /^\s*(?:[-*+]|\d{1,3}[.)])\s+(.*)$/.exec(line);
    if (item) {
      flush();
      blocks.push({ kind: "list-item", text: normalizeSpace(stripInline(item[1] ?? "")) });
      continue;
    }
    const q = /^\s*>\s?(.*)$/.exec(line);
    if (q) {
      if (para.length) flush();
      if ((q[1] ?? "").trim() === "") {
        flush();
      } else {
        quote.push(q[1] ?? "");
      }
      continue;
    }
    if (quote.length) flush();
    // A setext underline turns the paragraph so far into a heading.
    if (/^\s*(=+|-+)\s*$/.test(line) && para.length) {
      blocks.push({
        kind: "heading",
        level: line.includes("=") ? 1 : 2,
        text: normalizeSpace(stripInline(para.join(" "))),
      });
      para = [];
      continue;
    }
    para.push(line);
  }
  flush();
  return blocks.filter((b) => b.text !== "");
}
