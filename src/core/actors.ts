/** Speakers across articles: "Sheinbaum", "Claudia Sheinbaum" and "claudia sheinbaum" are one actor. */

const PRONOUN_OR_GENERIC =
  /^(?:he|she|they|it|we|i|you|him|her|them|his|hers|their|the (?:president|official|minister|spokesperson|spokesman|spokeswoman|statement|report|source|sources|government|agency|department)|officials?|sources?|experts?|analysts?|critics?|people|someone|somebody|one|others?)$/i;

/** Whether a resolved speaker names someone a reader can recognise. */
export function isNamedSpeaker(name: string): boolean {
  const n = name.trim();
  return n.length >= 2 && /^[\p{Lu}\d]/u.test(n) && !PRONOUN_OR_GENERIC.test(n);
}

const TITLES = new Set(
  "president vice prime minister secretary senator sen rep gov governor mayor mr mrs ms dr prof gen general ambassador chancellor king queen".split(
    " ",
  ),
);

/** The words of a name without titles ("President Trump" → ["trump"]). */
function tokens(name: string): string[] {
  const all = name
    .toLowerCase()
    .split(/[\s.]+/)
    .filter((t) => t.length > 0);
  const core = all.filter((t) => !TITLES.has(t));
  return core.length > 0 ? core : all;
}

/**
 * Maps each name to its canonical form: the most complete name whose words include all of its words and that
 * ends with the same word ("Trump" → "Donald Trump"). Ambiguous short names (two different full names end in
 * "Smith") stay as they are.
 */
export function canonicalNames(names: Iterable<string>): Map<string, string> {
  const unique = [...new Set(names)];
  const out = new Map<string, string>();
  for (const name of unique) {
    const t = tokens(name);
    const last = t.at(-1);
    const fuller = unique.filter((other) => {
      if (other === name) return false;
      const o = tokens(other);
      return o.length > t.length && o.at(-1) === last && t.every((w) => o.includes(w));
    });
    const distinct = new Set(fuller.map((f) => tokens(f).join(" ")));
    if (fuller.length > 0 && distinct.size === 1) {
      // Prefer the spelling without a title: "Donald Trump" over "President Donald Trump".
      const best = fuller.sort(
        (a, b) => tokens(a).length - tokens(b).length || a.split(" ").length - b.split(" ").length,
      )[0];
      out.set(name, best as string);
    } else {
      // Same words, other case or spacing: pick one spelling.
      const same = unique
        .filter((o) => tokens(o).join(" ") === t.join(" "))
        .sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
      out.set(name, same[0] ?? name);
    }
  }
  return out;
}
