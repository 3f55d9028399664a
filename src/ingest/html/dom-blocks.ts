import { type Block, type BlockKind, normalizeSpace } from "../blocks.js";
import { type DomElement, type DomNode, ELEMENT_NODE, TEXT_NODE } from "./dom.js";

/** Elements whose content never belongs in an article's text. */
const DROPPED = new Set([
  "aside",
  "audio",
  "button",
  "canvas",
  "embed",
  "figcaption",
  "figure",
  "form",
  "head",
  "iframe",
  "img",
  "input",
  "label",
  "link",
  "map",
  "meta",
  "nav",
  "noscript",
  "object",
  "picture",
  "script",
  "select",
  "style",
  "svg",
  "template",
  "textarea",
  "title",
  "video",
]);

/** Elements that end the line of text before them (anything not listed is inline). */
const BLOCK_LEVEL = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "body",
  "caption",
  "center",
  "dd",
  "details",
  "dialog",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hgroup",
  "hr",
  "html",
  "iframe",
  "li",
  "main",
  "menu",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "tbody",
  "td",
  "tfoot",
  "th",
  "thead",
  "tr",
  "ul",
  "video",
]);

interface Context {
  kind: BlockKind;
  level?: number;
}

const PARAGRAPH: Context = { kind: "paragraph" };
const QUOTE: Context = { kind: "quote" };
const LIST_ITEM: Context = { kind: "list-item" };

/** The block kind an element starts, or undefined when it keeps the kind of its container. */
function contextFor(tag: string, outer: Context): Context | undefined {
  switch (tag) {
    case "h1":
    case "h2":
    case "h3":
    case "h4":
    case "h5":
    case "h6":
      return { kind: "heading", level: Number(tag[1]) };
    case "p":
    case "pre":
      // A paragraph inside a quote or a list item is part of it.
      return outer.kind === "quote" || outer.kind === "list-item" ? undefined : PARAGRAPH;
    case "li":
      return LIST_ITEM;
    case "blockquote":
      return QUOTE;
    default:
      return undefined;
  }
}

/** What a walk found: the blocks, plus how much of the text sat in links (an index page is mostly links). */
interface DomBlocks {
  blocks: Block[];
  textChars: number;
  linkChars: number;
}

class Collector {
  readonly blocks: Block[] = [];
  textChars = 0;
  linkChars = 0;
  context: Context = PARAGRAPH;
  linkDepth = 0;
  private line: string[] = [];

  text(value: string): void {
    this.line.push(value);
    const chars = value.trim().length;
    this.textChars += chars;
    if (this.linkDepth > 0) this.linkChars += chars;
  }

  /** Ends the current line: its text, if any, becomes a block of the current kind. */
  flush(): void {
    if (this.line.length === 0) return;
    const text = normalizeSpace(this.line.join(""));
    this.line = [];
    if (!text) return;
    const { kind, level } = this.context;
    this.blocks.push(level === undefined ? { kind, text } : { kind, text, level });
  }
}

function walk(parent: DomNode, out: Collector): void {
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === TEXT_NODE) {
      out.text(node.textContent ?? "");
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const el = node as DomElement;
    const tag = el.localName.toLowerCase();
    if (tag === "br") {
      out.flush();
      continue;
    }
    const isBlock = BLOCK_LEVEL.has(tag);
    if (DROPPED.has(tag) || el.getAttribute("hidden") !== null) {
      if (isBlock) out.flush();
      continue;
    }
    const context = contextFor(tag, out.context);
    if (context) {
      out.flush();
      const outer = out.context;
      out.context = context;
      walk(el, out);
      out.flush();
      out.context = outer;
    } else if (isBlock) {
      out.flush();
      walk(el, out);
      out.flush();
    } else if (tag === "a") {
      out.linkDepth++;
      walk(el, out);
      out.linkDepth--;
    } else {
      walk(el, out);
    }
  }
}

/**
 * Converts a DOM subtree to blocks in document order: h1-h6 → heading, p/pre → paragraph, li → list-item,
 * blockquote → quote, text sitting directly in other containers → paragraph. `<br>` ends a block.
 * Figures, images, scripts, navigation, forms and the like are dropped.
 */
export function domToBlocks(root: DomNode): DomBlocks {
  const out = new Collector();
  walk(root, out);
  out.flush();
  return { blocks: out.blocks, textChars: out.textChars, linkChars: out.linkChars };
}
