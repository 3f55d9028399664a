/** Shortens text to `max` characters on a word boundary, ending with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Pads or truncates to exactly `width` characters. */
export function cell(text: string, width: number): string {
  return truncate(text, width).padEnd(width);
}

/** Wraps text to `width` columns, keeping paragraph breaks. */
export function wrap(text: string, width: number, indent = ""): string {
  return text
    .split(/\n{2,}/)
    .map((para) => {
      const lines: string[] = [];
      let line = "";
      for (const word of para.split(/\s+/).filter(Boolean)) {
        if (line && line.length + 1 + word.length > width - indent.length) {
          lines.push(indent + line);
          line = word;
        } else {
          line = line ? `${line} ${word}` : word;
        }
      }
      if (line) lines.push(indent + line);
      return lines.join("\n");
    })
    .join("\n\n");
}
