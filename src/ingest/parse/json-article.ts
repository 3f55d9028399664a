import type { ArticleMeta, RawInput } from "../../core/article.js";
import { NewsdeskError } from "../../errors.js";
import { toIsoDate } from "../iso-date.js";

/** The fields newsdesk reads from a JSON article object (`.json` files and `.jsonl` lines). */
export interface JsonArticle {
  text: string;
  meta: ArticleMeta;
  externalId?: string;
}

function field(obj: Record<string, unknown>, ...names: string[]): string | undefined {
  for (const n of names) {
    const v = obj[n];
    if (typeof v === "string" && v.trim() !== "") return v;
    if (typeof v === "number" && n === "id") return String(v);
    if (Array.isArray(v) && v.every((x) => typeof x === "string") && v.length > 0) return v.join("\n\n");
  }
  return undefined;
}

/** Validates one parsed JSON value as an article object. Throws INPUT_MALFORMED with a reason a user understands. */
export function readJsonArticle(value: unknown): JsonArticle {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new NewsdeskError("INPUT_MALFORMED", 'expected a JSON object with a "text" or "body" field');
  }
  const obj = value as Record<string, unknown>;
  const text = field(obj, "text", "body", "content");
  if (text === undefined)
    throw new NewsdeskError("INPUT_MALFORMED", 'JSON article has no "text" or "body" field');
  const meta: ArticleMeta = {};
  const title = field(obj, "title", "headline");
  const url = field(obj, "url", "link");
  const source = field(obj, "source", "outlet", "publisher");
  const author = field(obj, "author", "byline");
  const published = toIsoDate(field(obj, "publishedAt", "published", "date"));
  const language = field(obj, "language", "lang");
  if (title) meta.title = title.trim();
  if (url) meta.url = url.trim();
  if (source) meta.source = source.trim();
  if (author) meta.author = author.trim();
  if (published) meta.publishedAt = published;
  if (language) meta.language = language.trim().toLowerCase().slice(0, 2);
  const id = field(obj, "id");
  return id === undefined ? { text, meta } : { text, meta, externalId: id };
}

/** Parses JSON text into a RawInput for one article. */
export function jsonToRaw(json: string, origin: string): RawInput {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (err) {
    throw new NewsdeskError("INPUT_MALFORMED", `invalid JSON (${(err as Error).message})`, { cause: err });
  }
  const article = readJsonArticle(value);
  const raw: RawInput = { format: "json", body: json, hints: article.meta, origin };
  if (article.externalId !== undefined) raw.externalId = article.externalId;
  return raw;
}
