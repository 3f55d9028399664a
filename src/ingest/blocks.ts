/**
 * The unit of cleaning. Parsers turn every input format into blocks; cleaning rules keep or drop whole blocks
 * (and may trim inline junk inside one); the kept blocks become the article's paragraphs.
 */
export type BlockKind = "heading" | "paragraph" | "list-item" | "quote" | "line";

export interface Block {
  /** `line` means the format does not say what the block is (plain text); rules judge it by its shape. */
  kind: BlockKind;
  text: string;
  /** Heading level 1-6, for `heading` blocks. */
  level?: number;
}

/** Collapses runs of white space (including non-breaking and zero-width spaces) to one space and trims. */
export function normalizeSpace(text: string): string {
  return text
    .replace(/[\u200b-\u200d\ufeff]/g, "")
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
}
