/** A small word tokenizer with character offsets, shared by actor detection and attribution extraction. */

export type TokenKind = "word" | "punct" | "quote";

export interface Token {
  text: string;
  /** Lower-cased text without a possessive ending ("Mexico’s" → "mexico"). */
  lower: string;
  /** Text without a possessive ending. */
  base: string;
  start: number;
  end: number;
  kind: TokenKind;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** Ends in a possessive ’s / 's / s’. */
  poss: boolean;
}

const TOKEN_RE = new RegExp(
  [
    String.raw`((?:\p{L}\.){2,}`, // U.S., D.C., a.m.
    String.raw`(?:Mr|Mrs|Ms|Dr|Sen|Sens|Rep|Reps|Gov|Gen|Lt|Col|Sgt|Capt|Prof|St|Jr|Sr|Sra|Srta|Rev|Pres|Adm|Maj|Atty|Supt|Cmdr|Lic|Messrs)\.(?=[\s,])`,
    String.raw`[\p{L}\p{N}]+(?:[-'’.&][\p{L}\p{N}]+)*(?:['’]s\b|(?<=s)['’](?=[\s,.;:!?]))?)`,
    `(["“”„«»‘’'])`,
    String.raw`(\.\.\.|…|—|–|--|[^\s\p{L}\p{N}])`,
  ].join("|"),
  "gu",
);

const NOT_POSSESSIVE = new Set([
  "it's",
  "that's",
  "he's",
  "she's",
  "there's",
  "what's",
  "who's",
  "let's",
  "here's",
  "where's",
  "how's",
]);

function wordToken(text: string, start: number): Token {
  let base = text;
  let poss = false;
  const n = text.length;
  const last = text.charCodeAt(n - 1);
  const prev = text.charCodeAt(n - 2);
  // 's / ’s (39 = ', 8217 = ’; 115 = s, 83 = S)
  if (n > 2 && (last === 115 || last === 83) && (prev === 39 || prev === 8217)) {
    if (!NOT_POSSESSIVE.has(text.replace("’", "'").toLowerCase())) {
      base = text.slice(0, -2);
      poss = true;
    }
  } else if (n > 2 && (last === 39 || last === 8217) && (prev === 115 || prev === 83)) {
    base = text.slice(0, -1);
    poss = true;
  }
  const first = text[0] as string;
  const cap = first !== first.toLowerCase() && first === first.toUpperCase();
  return { text, lower: base.toLowerCase(), base, start, end: start + n, kind: "word", cap, poss };
}

/** Tokens of `text.slice(from, to)`, with offsets into `text`. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  const slice = from === 0 && to === text.length ? text : text.slice(from, to);
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(slice); m; m = TOKEN_RE.exec(slice)) {
    const start = from + m.index;
    const t = m[0];
    if (m[1] !== undefined) out.push(wordToken(t, start));
    else {
      const kind = m[2] !== undefined ? "quote" : "punct";
      out.push({ text: t, lower: t, base: t, start, end: start + t.length, kind, cap: false, poss: false });
    }
  }
  return out;
}

/** True for a word written in upper case first ("Sheinbaum", "U.S."), excluding single letters like "I". */
export function isCapWord(t: Token | undefined): boolean {
  return t !== undefined && t.kind === "word" && t.cap && t.text !== "I";
}
