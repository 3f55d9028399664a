/** fast-xml-parser output with attributes as "@_name" and mixed text as "#text". */
export type XmlValue = string | XmlObject | XmlValue[];
export interface XmlObject {
  [key: string]: XmlValue | undefined;
}

export const TEXT_KEY = "#text";
export const ATTRIBUTE_PREFIX = "@_";

function isObject(value: XmlValue | undefined): value is XmlObject {
  return typeof value === "object" && !Array.isArray(value);
}

/** All child elements called `name` (the parser gives one as a value, several as an array). */
export function children(node: XmlValue | undefined, name: string): XmlValue[] {
  if (!isObject(node)) return [];
  const value = node[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The first child element called `name`. */
export function child(node: XmlValue | undefined, name: string): XmlValue | undefined {
  return children(node, name)[0];
}

/** An element's own text, trimmed: "" for an element with none. */
export function text(node: XmlValue | undefined): string {
  if (node === undefined) return "";
  if (typeof node === "string") return node.trim();
  if (Array.isArray(node)) return text(node[0]);
  const value = node[TEXT_KEY];
  return typeof value === "string" ? value.trim() : "";
}

/** All text in an element and its descendants, in parse order. */
export function deepText(node: XmlValue | undefined): string {
  if (node === undefined) return "";
  if (typeof node === "string") return node;
  if (Array.isArray(node)) return node.map(deepText).join(" ");
  return Object.entries(node)
    .filter(([key]) => !key.startsWith(ATTRIBUTE_PREFIX))
    .map(([, value]) => deepText(value))
    .join(" ");
}

export function attr(node: XmlValue | undefined, name: string): string | undefined {
  if (!isObject(node)) return undefined;
  const value = node[ATTRIBUTE_PREFIX + name];
  return typeof value === "string" ? value.trim() : undefined;
}
