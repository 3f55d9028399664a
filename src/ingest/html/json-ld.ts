import { normalizeSpace } from "../blocks.js";
import type { DomParent } from "./dom.js";

/** The article fields newsdesk reads from a page's schema.org JSON-LD. */
interface JsonLdArticle {
  headline?: string;
  author?: string;
  publisher?: string;
  datePublished?: string;
  inLanguage?: string;
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Parses JSON-LD as pages really write it: wrapped in comments or CDATA, with raw newlines or trailing commas. */
function parseLenient(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    const repaired = raw
      .replace(/^\s*(?:<!--|<!\[CDATA\[)|(?:-->|\]\]>)\s*$/g, "")
      .replace(/[\r\n\t]+/g, " ")
      .replace(/,\s*([}\]])/g, "$1");
    try {
      return JSON.parse(repaired);
    } catch {
      return undefined;
    }
  }
}

/** Every object in a JSON-LD value: arrays and `@graph` are flattened, a `mainEntity` is followed. */
function collect(value: unknown, out: JsonObject[], depth = 0): void {
  if (depth > 4) return;
  if (Array.isArray(value)) {
    for (const item of value) collect(item, out, depth + 1);
    return;
  }
  if (!isObject(value)) return;
  out.push(value);
  if (value["@graph"] !== undefined) collect(value["@graph"], out, depth + 1);
  if (isObject(value.mainEntity)) collect(value.mainEntity, out, depth + 1);
}

function types(node: JsonObject): string[] {
  const type = node["@type"];
  if (typeof type === "string") return [type];
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === "string");
  return [];
}

const ARTICLE_TYPE = /(?:Article|BlogPosting|Report|Posting)$/;

function str(value: unknown): string | undefined {
  if (typeof value === "string") return normalizeSpace(value) || undefined;
  if (typeof value === "number") return String(value);
  return undefined;
}

/** The names in a Person/Organization value: a string, an object (maybe an `@id` reference) or an array. */
function names(value: unknown, byId: Map<string, JsonObject>): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => names(v, byId));
  const plain = str(value);
  if (plain) return [plain];
  if (!isObject(value)) return [];
  const node = typeof value["@id"] === "string" && value.name === undefined ? byId.get(value["@id"]) : value;
  const name = node ? str(node.name) : undefined;
  return name ? [name] : [];
}

function joinNames(list: string[]): string | undefined {
  const unique = [...new Set(list)];
  return unique.length > 0 ? unique.join(", ") : undefined;
}

/** Reads the article described by the page's `<script type="application/ld+json">` blocks; broken JSON is skipped. */
export function readJsonLd(doc: DomParent): JsonLdArticle {
  const nodes: JsonObject[] = [];
  const scripts = doc.querySelectorAll("script");
  for (let i = 0; i < scripts.length; i++) {
    const script = scripts[i];
    if (script?.getAttribute("type")?.trim().toLowerCase() !== "application/ld+json") continue;
    collect(parseLenient(script.textContent ?? ""), nodes);
  }
  if (nodes.length === 0) return {};

  const byId = new Map<string, JsonObject>();
  for (const node of nodes) if (typeof node["@id"] === "string") byId.set(node["@id"], node);

  const article =
    nodes.find((n) => types(n).some((t) => ARTICLE_TYPE.test(t))) ??
    nodes.find((n) => typeof n.headline === "string");
  if (!article) return {};

  const publisher =
    joinNames(names(article.publisher, byId)) ??
    joinNames(
      names(
        nodes.find((n) => types(n).includes("NewsMediaOrganization")),
        byId,
      ),
    );
  const result: JsonLdArticle = {
    headline: str(article.headline) ?? str(article.name),
    author: joinNames(names(article.author, byId)),
    publisher,
    datePublished: str(article.datePublished) ?? str(article.dateCreated),
    inLanguage: str(article.inLanguage),
  };
  for (const key of Object.keys(result) as Array<keyof JsonLdArticle>) {
    if (result[key] === undefined) delete result[key];
  }
  return result;
}
