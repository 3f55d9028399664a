/**
 * Language identification from function-word profiles.
 *
 * Every language gets a list of its commonest function words (articles, pronouns, prepositions, auxiliaries).
 * A word shared by several languages counts for each of them, divided by how many share it; a few letters and
 * word endings that are typical of one language add a little more. Linear in the text, no allocation per word
 * beyond the tokenizer, so it can run on every block of every article.
 */

const LANGS = ["en", "es", "fr", "de", "pt", "it", "nl"] as const;
type Lang = (typeof LANGS)[number];

const WORDS: Record<Lang, string> = {
  en: `the of and to in is that for it with as was on be by at this are from have has had not but or a an they which
    you we he she his her their its were been will would can could there what all about when who more also than if
    into after our said your only over such because these those other some out up no so do does did how them him i
    my me then while should may any just where most very being against before between through during under`,
  es: `el la los las de del que y en un una unos unas por con para es se no su sus al lo como más pero ya o este esta
    estos estas ese esa está están son fue ha han había sobre entre también cuando muy sin hasta desde donde quien
    qué porque le les nos tu tus te mi si sí ser hay todo todos otro otra otros puede puedes ni cada según aquí usted
    él ella ellos dijo será tiene hace después antes mientras durante contra u tras ante estaba eso esto cuenta`,
  fr: `le la les de des du et en un une est a à que qui dans pour pas sur au aux avec ce cette ces il elle ils elles ne se
    sont par plus son sa ses mais ou comme on été être avoir nous vous votre vos leur leurs fait tout tous aussi
    après avant entre très sans dont même où lui ont était sera peut qu d l c j n y tu ton ta tes je mon ma mes
    chez encore déjà alors cet selon`,
  de: `der die das und in den von zu mit ist des sich nicht auf für im dem ein eine einen einem einer als auch es an
    er sie wir ihr so wie aus bei nach um am sind hat haben wird werden wurde oder aber noch nur vor zur zum über
    durch dass kann man wenn schon war mehr sein seine ihre diese dieser dieses gegen bis unter sehr uns hier weil
    doch ich du dich mich wurden soll keine kein nun jetzt`,
  pt: `o a os as de do da dos das e em no na nos nas um uma que para com por não se é mais ao aos à como mas foi ser
    seu sua seus suas ele ela eles elas isso este esta essa esse também já pelo pela pelos pelas entre sobre quando
    muito sem até são está estão tem têm há você vocês nós ou depois ainda onde disse num numa lhe seja porque
    outro outra foram era eram assim`,
  it: `il lo la i gli le di a del della dei delle degli dello e è in un una uno che per con non si da dal dalla al alla
    ai alle nel nella nei sul sulla come più ma anche sono ha hanno era essere questo questa questi quello quella
    suo sua suoi loro lui lei noi voi ci ne se o tra fra dopo prima quando molto senza ancora già cui dove perché
    tutto tutti stato stata sia può ed l d un all dell nell sull`,
  nl: `de het een en van in is dat op te voor met zijn niet aan er om ook als bij door maar naar dan of uit nog wel die
    deze dit werd wordt worden was heeft hebben hij zij ze we wij u je jij haar hun ons onze kan zal over tot geen
    meer al nu omdat toen waar wat wie hoe zo na tegen sinds zich moet`,
};

/** Word endings typical of one language, checked only for words not in the lists (weight per word). */
const SUFFIXES: Array<[string, Lang, number]> = [
  ["ción", "es", 0.6],
  ["ciones", "es", 0.6],
  ["ção", "pt", 0.8],
  ["ções", "pt", 0.8],
  ["zione", "it", 0.7],
  ["zioni", "it", 0.7],
  ["mente", "es", 0.2],
  ["ung", "de", 0.5],
  ["ungen", "de", 0.6],
  ["keit", "de", 0.6],
  ["heid", "nl", 0.6],
  ["lijk", "nl", 0.6],
  ["ment", "fr", 0.2],
  ["eux", "fr", 0.4],
  ["ing", "en", 0.3],
  ["tion", "en", 0.2],
];

/** Letters typical of one language (each counted at most five times per text). */
const LETTER_HINTS: Array<[string, Lang, number]> = [
  ["ñ¿¡", "es", 1.2],
  ["ãõ", "pt", 1.2],
  ["ç", "pt", 0.3],
  ["ß", "de", 1.2],
  ["äöü", "de", 0.5],
  ["èù", "fr", 0.3],
  ["é", "fr", 0.15],
  ["œê", "fr", 0.6],
];

const BIT: Record<Lang, number> = { en: 1, es: 2, fr: 4, de: 8, pt: 16, it: 32, nl: 64 };

/** word → bit mask of the languages it belongs to. */
const LEXICON = new Map<string, number>();
for (const lang of LANGS) {
  for (const w of WORDS[lang].split(/\s+/)) {
    if (w) LEXICON.set(w, (LEXICON.get(w) ?? 0) | BIT[lang]);
  }
}
/** mask → per-language weight, precomputed for every mask that occurs. */
const WEIGHT = new Float64Array(128);
for (const mask of LEXICON.values()) {
  let n = 0;
  for (let m = mask; m; m &= m - 1) n++;
  WEIGHT[mask] = 1 / n;
}

const MAX_CHARS = 4000;
/** Per block, this much text is plenty of evidence. */
export const BLOCK_CHARS = 600;

export interface LanguageGuess {
  /** ISO 639-1 code, or "und" when the text gives too little evidence. */
  language: string;
  /** 0..1: how clearly the best language beats the runner-up, scaled down for little evidence. */
  confidence: number;
}

/** Letters that hint at one language: char code → [language index, weight]. */
const HINT = new Map<number, [number, number]>();
for (const [chars, lang, wt] of LETTER_HINTS)
  for (const ch of chars) HINT.set(ch.charCodeAt(0), [LANGS.indexOf(lang), wt]);

/** Lower-case Latin letters (the profiles are all Latin-script); a non-Unicode class keeps the regex fast. */
const TOKEN = /[a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u024f]+/g;
const HINT_CHARS = new RegExp(`[${LETTER_HINTS.map((h) => h[0]).join("")}]`, "g");

function addSuffix(w: string, scores: number[]): void {
  for (const [suf, lang, wt] of SUFFIXES) {
    if (w.endsWith(suf)) {
      const i = LANGS.indexOf(lang);
      scores[i] = (scores[i] ?? 0) + wt;
      return;
    }
  }
}

/** Raw evidence for a text: per-language scores and the number of function words seen. Scores of several texts
 * can be added up (see `addScores`) to judge them together without scanning them again. */
export interface LanguageScores {
  scores: number[];
  hits: number;
}

export function emptyScores(): LanguageScores {
  return { scores: [0, 0, 0, 0, 0, 0, 0], hits: 0 };
}

export function addScores(into: LanguageScores, from: LanguageScores): void {
  for (let i = 0; i < into.scores.length; i++) into.scores[i] = (into.scores[i] ?? 0) + (from.scores[i] ?? 0);
  into.hits += from.hits;
}

/**
 * Scores the first `maxChars` characters of a text. `visit` sees every lower-cased word, so callers that need
 * their own per-word pass can share this one.
 */
export function languageScores(
  text: string,
  maxChars = MAX_CHARS,
  visit?: (word: string) => void,
): LanguageScores {
  const s = (text.length > maxChars ? text.slice(0, maxChars) : text).toLowerCase();
  const scores = [0, 0, 0, 0, 0, 0, 0];
  const hintCount = [0, 0, 0, 0, 0, 0, 0];
  let hits = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(s); m !== null; m = TOKEN.exec(s)) {
    const w = m[0];
    if (visit) visit(w);
    const mask = LEXICON.get(w);
    if (mask !== undefined) {
      const wt = WEIGHT[mask] ?? 0;
      hits++;
      for (let k = 0; k < 7; k++) if (mask & (1 << k)) scores[k] = (scores[k] ?? 0) + wt;
    } else if (w.length >= 5 && hits < 12) {
      // Word endings matter only while function words are still scarce (short texts).
      addSuffix(w, scores);
    }
  }
  HINT_CHARS.lastIndex = 0;
  for (let m = HINT_CHARS.exec(s); m !== null; m = HINT_CHARS.exec(s)) {
    const h = HINT.get(m[0].charCodeAt(0));
    if (h && (hintCount[h[0]] ?? 0) < 5) {
      hintCount[h[0]] = (hintCount[h[0]] ?? 0) + 1;
      scores[h[0]] = (scores[h[0]] ?? 0) + h[1];
    }
  }
  return { scores, hits };
}

/** Detects the language of a text. Returns "und" (confidence 0) when unsure. */
export function detectLanguage(text: string): LanguageGuess {
  return guessLanguage(languageScores(text));
}

/** The language that the evidence points to, or "und". */
export function guessLanguage({ scores, hits }: LanguageScores): LanguageGuess {
  let best = -1;
  let bestScore = 0;
  let second = 0;
  for (let i = 0; i < scores.length; i++) {
    const v = scores[i] ?? 0;
    if (v > bestScore) {
      second = bestScore;
      bestScore = v;
      best = i;
    } else if (v > second) {
      second = v;
    }
  }
  if (best < 0 || bestScore < 1.5 || hits === 0) return { language: "und", confidence: 0 };
  const margin = (bestScore - second) / bestScore;
  const evidence = Math.min(1, bestScore / 5);
  const confidence = Math.round(margin * evidence * 100) / 100;
  if (confidence < 0.15) return { language: "und", confidence: 0 };
  return { language: LANGS[best] ?? "und", confidence };
}
