/** Sentence splitting for news prose: abbreviations, initials, decimals and quotations stay inside one sentence. */

export interface Sentence {
  text: string;
  /** Character offsets into the text given to `splitSentences`. */
  start: number;
  end: number;
  /** Index of the paragraph (blocks separated by blank lines) the sentence belongs to. */
  paragraph: number;
}

const ABBREVIATIONS = new Set([
  "mr",
  "mrs",
  "ms",
  "dr",
  "prof",
  "sr",
  "jr",
  "st",
  "gen",
  "gov",
  "sen",
  "rep",
  "rev",
  "col",
  "lt",
  "sgt",
  "capt",
  "cmdr",
  "adm",
  "maj",
  "pres",
  "supt",
  "insp",
  "hon",
  "messrs",
  "mme",
  "mlle",
  "sra",
  "sr",
  "srta",
  "lic",
  "ing",
  "no",
  "vs",
  "etc",
  "approx",
  "est",
  "inc",
  "ltd",
  "co",
  "corp",
  "dept",
  "univ",
  "assn",
  "bros",
  "fig",
  "vol",
  "pp",
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
  "mon",
  "tue",
  "tues",
  "wed",
  "thu",
  "thur",
  "thurs",
  "fri",
  "sat",
  "sun",
  "ala",
  "ariz",
  "ark",
  "calif",
  "colo",
  "conn",
  "del",
  "fla",
  "ga",
  "ill",
  "ind",
  "kan",
  "ky",
  "la",
  "md",
  "mass",
  "mich",
  "minn",
  "miss",
  "mo",
  "mont",
  "neb",
  "nev",
  "okla",
  "ore",
  "pa",
  "tenn",
  "tex",
  "va",
  "vt",
  "wash",
  "wis",
  "wyo",
  "e.g",
  "i.e",
  "a.m",
  "p.m",
  "u.s",
  "u.k",
  "u.n",
  "d.c",
  "e.u",
]);

const CLOSERS = "\"'”’»)]";
const OPENERS = "\"'“‘«([";

function isUpperStart(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{Lu}\p{N}"'“‘«([¿¡—–-]/u.test(ch);
}

/** The word (letters and inner dots) that ends right before position `dot`. */
function wordBefore(text: string, dot: number): string {
  let i = dot - 1;
  while (i >= 0 && /[\p{L}.]/u.test(text[i] as string)) i--;
  return text.slice(i + 1, dot);
}

/** True when the period at `dot` ends an abbreviation or an initial rather than a sentence. */
function isAbbreviation(text: string, dot: number, next: string | undefined): boolean {
  const word = wordBefore(text, dot);
  if (word === "") return false;
  const lower = word.toLowerCase();
  if (ABBREVIATIONS.has(lower)) {
    // Time and list abbreviations often end a sentence; a capital after them starts a new one.
    if (/^(a\.m|p\.m|etc)$/.test(lower) && next !== undefined && /\p{Lu}/u.test(next)) return false;
    return true;
  }
  // Single initials ("J. Smith") and dotted acronyms ("F.B.I.").
  if (/^\p{Lu}$/u.test(word)) return true;
  if (/^(\p{L}\.)+\p{L}$/u.test(word)) return true;
  return false;
}

/** Splits one paragraph into sentence spans [start, end). */
function splitParagraph(text: string, offset: number): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let start = 0;
  let depth = 0; // open curly quotes, to keep “He said. Then left.” inside one quotation together
  let straight = false; // inside a straight-quoted "..." quotation
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const ch = text[i] as string;
    if (ch === "“") depth++;
    else if (ch === "”") depth = Math.max(0, depth - 1);
    else if (ch === '"') straight = !straight && (i === 0 || /[\s([—–-]/.test(text[i - 1] as string));
    if (ch !== "." && ch !== "!" && ch !== "?" && ch !== "…") continue;
    // Consume runs like "?!" or "..." and closing quotes/brackets.
    let j = i + 1;
    while (j < n && ".!?…".includes(text[j] as string)) j++;
    while (j < n && CLOSERS.includes(text[j] as string)) {
      if (text[j] === "”") depth = Math.max(0, depth - 1);
      if (text[j] === '"') straight = false;
      j++;
    }
    if (j < n && !/\s/.test(text[j] as string)) continue; // "3.5", "U.S.-Mexico", "example.com"
    let k = j;
    while (k < n && /\s/.test(text[k] as string)) k++;
    if (k >= n) break;
    const next = text[k];
    if (ch === "." && j === i + 1 && isAbbreviation(text, i, next)) continue;
    if (!isUpperStart(next) && !OPENERS.includes(next as string)) continue;
    // Inside an open quotation, a break is only allowed if the quotation has closed by the end of the sentence.
    if (depth > 0 || straight) continue;
    spans.push([offset + start, offset + j]);
    start = k;
    i = k - 1;
  }
  if (start < n && text.slice(start).trim() !== "") spans.push([offset + start, offset + n]);
  return spans;
}

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /\n\s*\n/g;
  let paraStart = 0;
  let paragraph = 0;
  const paras: Array<[number, number]> = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    paras.push([paraStart, m.index]);
    paraStart = m.index + m[0].length;
  }
  paras.push([paraStart, text.length]);
  for (const [ps, pe] of paras) {
    const para = text.slice(ps, pe);
    if (para.trim() === "") continue;
    for (const [s, e] of splitParagraph(para, ps)) {
      let a = s;
      let b = e;
      while (a < b && /\s/.test(text[a] as string)) a++;
      while (b > a && /\s/.test(text[b - 1] as string)) b--;
      if (b > a) out.push({ text: text.slice(a, b), start: a, end: b, paragraph });
    }
    paragraph++;
  }
  return out;
}
