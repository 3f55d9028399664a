/**
 * Teasers for other articles inside the body: "Read more: <headline>" links, and a section kicker glued to another
 * story's headline and dek ("Arts & Culture <Headline> <Dek …>").
 */
import { JOB_NOUN, labelKey, wordRegex } from "./text.js";
import type { BlockRule } from "./types.js";

/** "Read more: …", "See also — …", "Lee también: …", "Lire aussi : …", "Lesen Sie auch: …". */
const READ_ALSO =
  /^(?:read more|read also|also read|read next|see also|related|more|watch|listen|lee (?:también|más)|lea también|ver también|mira|lire aussi|à lire aussi|a lire aussi|voir aussi|lesen sie auch|auch interessant|mehr zum thema|leia (?:também|mais)|veja também|leggi anche|guarda anche|lees ook|bekijk ook)\s*(?:[:|»›>]|[-–—]\s)\s*\S/iu;

/** Section names of news sites in several languages (kickers). */
const SECTION =
  "world|nation|national|international|politics|business|economy|markets|money|finance|tech|technology|science|health|climate|environment|sports?|entertainment|culture|arts|lifestyle|style|travel|food|opinion|analysis|local|metro|education|books|music|movies|film|tv|television|media|u\\.s\\.|us|europe|americas|asia|africa|middle east|latin america|investigations|obituaries|weather|real estate|autos|religion|immigration|crime|courts|law|security|elections|mundo|internacional|nacional|política|economía|sociedad|cultura|deportes|opinión|ciencia|tecnología|salud|américa|méxico|españa|gente|monde|politique|économie|société|sciences|planète|idées|ausland|inland|politik|wirtschaft|kultur|gesellschaft|wissen|meinung|panorama|feuilleton|economia|esportes|ciência|saúde|brasil|cotidiano|esteri|cronaca|spettacoli|scienze";
const JOIN = "\\s*(?:&|and|y|et|und|e|\\+)\\s*";
/** Two or more section names joined ("World & Nation", "Arts and Culture") followed by a capitalized word. */
const COMPOUND_KICKER = new RegExp(
  `^(?:${SECTION})(?:${JOIN}(?:${SECTION})){1,2}\\s+(?=["“‘]?\\p{Lu})`,
  "iu",
);
const SECTION_WORD = wordRegex(SECTION);
/** Words that make the kicker part of a name or a job title ("Arts and Culture Minister", "Politics & Culture Writer"). */
const TITLE_NOUN =
  /^(?:minister|ministry|secretary|committee|department|council|commission|agency|office|desk|section|correspondent|editor|reporter|writer|columnist|critic|director|team|staff|fund|program|programme|center|centre|institute|ministro|ministra|ministerio|secretario|secretaria|ministre|ministère|minister(?:in)?|ministerium|ministero)\b/iu;

/** A kicker label alone on a line. */
export function isSectionLabel(text: string): boolean {
  if (text.length > 40) return false;
  const key = labelKey(text);
  const rest = key
    .replace(new RegExp(`(?:${SECTION})|&|\\band\\b|\\by\\b|\\bet\\b|\\bund\\b|\\be\\b`, "giu"), "")
    .trim();
  return rest === "" && SECTION_WORD.test(key);
}

export const teaser: BlockRule = (item) => {
  if (item.words > 120 || item.kind === "quote") return null;
  const t = item.text;
  if (item.words <= 40 && READ_ALSO.test(t)) return "teaser";
  // Kicker glued to a headline: the kicker is title case in the original text ("World & Nation Trump …").
  const m = COMPOUND_KICKER.exec(t);
  if (!m || !/^\p{Lu}/u.test(t) || m[0].split(/\s+/).some((w) => /^\p{Ll}{4,}$/u.test(w))) return null;
  const next = t.slice(m[0].length);
  if (TITLE_NOUN.test(next) || JOB_NOUN.test(next.split(/\s+/, 1)[0] ?? "")) return null;
  return "teaser";
};
