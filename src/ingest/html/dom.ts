import { parseHTML } from "linkedom";
import { normalizeSpace } from "../blocks.js";

/**
 * The slice of the DOM the HTML code uses. The project compiles without the DOM lib, so these stand in for
 * `Node`, `Element` and `Document`; linkedom's objects satisfy them.
 */
export interface DomNode {
  readonly nodeType: number;
  readonly textContent: string | null;
  readonly firstChild: DomNode | null;
  readonly nextSibling: DomNode | null;
}

export interface DomParent {
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

export interface DomElement extends DomNode, DomParent {
  readonly localName: string;
  getAttribute(name: string): string | null;
  closest(selector: string): DomElement | null;
  remove(): void;
}

export interface DomDocument extends DomParent {
  readonly documentElement: DomElement | null;
  readonly body: DomElement | null;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

/** Parses a page or a fragment. linkedom only builds `<html>`/`<body>` when the markup has them. */
export function parseDocument(html: string): DomDocument {
  const markup = /<html[\s>]/i.test(html)
    ? html
    : `<!doctype html><html><head></head><body>${html}</body></html>`;
  return parseHTML(markup).document as unknown as DomDocument;
}

/** The element's text with white space collapsed. */
export function textOf(node: DomNode | null | undefined): string {
  return normalizeSpace(node?.textContent ?? "");
}
