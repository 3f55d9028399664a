/** Speech cues and the small word classes the attribution rules need. */

const words = (s: string): Set<string> => new Set(s.trim().split(/\s+/));

/**
 * How a cue verb takes its content:
 * - `say`: a clause with or without "that" ("said the talks failed"), a quote, or content before it ("..., she said").
 * - `clause`: only a "that"/"whether" clause, a colon or a quote ("maintained that ..."); with a bare object it
 *   is not speech ("maintains close ties").
 * - `object`: a noun phrase is the content ("rejected the proposal", "called for “tangible results”").
 * - `direct`: only around a quotation ("he continued: “...”").
 */
export type CueClass = "say" | "clause" | "object" | "direct";

const CLASSES: Record<CueClass, string> = {
  say: `say write tweet insist argue claim believe think warn acknowledge admit predict suggest note explain
    announce reiterate deny concede allege assert contend declare stress emphasize emphasise complain boast
    tell ask post`,
  clause: `add maintain state report observe remark recall confirm signal indicate hint mention testify caution counter
    retort proclaim agree conclude estimate reply respond answer wonder feel worry recount reason repeat promise vow
    pledge threaten guarantee assure remind inform insist hope fear predict show find reveal charge`,
  object: `reject dismiss praise laud hail criticize criticise condemn denounce slam blast decry defend tout welcome
    propose demand urge question dispute assail accuse blame endorse call describe label brand dub characterize
    characterise cite thank applaud commend`,
  direct: `continue quip joke exclaim muse scoff shout yell whisper sing chant read bark snap snarl sneer gush murmur
    mutter scream cry plead beg thunder roar groan sigh`,
};

/** Verbs whose past form is irregular, or whose final consonant doubles. */
const IRREGULAR: Record<string, [string, string]> = {
  say: ["says", "said"],
  tell: ["tells", "told"],
  write: ["writes", "wrote"],
  think: ["thinks", "thought"],
  feel: ["feels", "felt"],
  sing: ["sings", "sang"],
  snap: ["snaps", "snapped"],
  quip: ["quips", "quipped"],
  dub: ["dubs", "dubbed"],
  admit: ["admits", "admitted"],
  slam: ["slams", "slammed"],
};

export interface CueVerb {
  lemma: string;
  cls: CueClass;
  form: "base" | "s" | "past" | "ing";
}

function inflect(base: string): Array<[string, CueVerb["form"]]> {
  const irr = IRREGULAR[base];
  const cons = !/[aeiou]$/.test(base) && /[^aeiou]y$/.test(base);
  const s =
    irr?.[0] ?? (cons ? `${base.slice(0, -1)}ies` : /(s|sh|ch|x|z)$/.test(base) ? `${base}es` : `${base}s`);
  const past = irr?.[1] ?? (cons ? `${base.slice(0, -1)}ied` : base.endsWith("e") ? `${base}d` : `${base}ed`);
  const doubled = irr?.[1].endsWith(`${base.at(-1)}${base.at(-1)}ed`);
  const ing = doubled
    ? `${base}${base.at(-1)}ing`
    : base.endsWith("e") && !base.endsWith("ee")
      ? `${base.slice(0, -1)}ing`
      : `${base}ing`;
  return [
    [base, "base"],
    [s, "s"],
    [past, "past"],
    [ing, "ing"],
  ];
}

export const CUE_FORMS: ReadonlyMap<string, CueVerb> = (() => {
  const m = new Map<string, CueVerb>();
  for (const cls of Object.keys(CLASSES) as CueClass[]) {
    for (const lemma of CLASSES[cls].trim().split(/\s+/)) {
      for (const [w, form] of inflect(lemma)) if (!m.has(w)) m.set(w, { lemma, cls, form });
    }
  }
  m.set("labelled", { lemma: "label", cls: "object", form: "past" });
  m.set("slamming", { lemma: "slam", cls: "object", form: "ing" });
  return m;
})();

/** Cues that may follow the quotation they introduce, before their subject: "“...,” said Ana Ruiz". */
export const INVERTIBLE = new Set([
  ...words(`say add write ask continue explain reply respond recall note tell insist argue warn declare answer tweet
    quip joke exclaim observe remark predict read charge bark snap`),
  "go on",
]);

/** Verbs of saying whose object may be a plain noun phrase: "announced his resignation", "denied the report". */
export const NOUN_CONTENT = words(
  "announce deny reiterate repeat acknowledge predict mention explain confirm admit concede tout propose demand declare",
);

/** Cues that take the person addressed before the content: "told reporters", "warned Congress". */
export const TAKES_ADDRESSEE = words("tell ask remind assure inform warn urge promise");

export const DETERMINERS =
  words(`the a an this these those some many several most all both each every any no another
  other such few`);
export const POSSESSIVE_PRONOUNS = words("his her their its our my your");
export const SUBJECT_PRONOUNS = words("he she they we i you it");
const CONTRACTED = `don't doesn't didn't won't wouldn't can't cannot couldn't isn't wasn't aren't weren't hasn't haven't
  hadn't shouldn't mustn't`;
export const AUX =
  words(`has have had is are was were be been being will would can could may might must should shall
  do does did 's 've 'd 're ’s ’ve ’d ’re ${CONTRACTED} ${CONTRACTED.replace(/'/g, "’")}`);
export const ADVERBS =
  words(`also later recently repeatedly again once previously often frequently still then now
  already even further just never not only reportedly allegedly initially earlier first finally ultimately publicly
  privately flatly firmly bluntly simply clearly directly quickly immediately separately similarly likewise too
  himself herself themselves itself once more long since n't always sometimes usually today yesterday tonight`);
export const NOT_ADVERBS =
  words(`family rally ally supply reply apply assembly anomaly holy ugly fly belly jelly
  bully italy july only early daily weekly monthly`);
export const PREPOSITIONS =
  words(`in on at to for from by with about after before during since until without within
  into onto over under against between among through across toward towards upon via per despite like than as of
  outside inside near amid amidst beyond behind following regarding concerning including excluding alongside
  throughout unlike besides`);
export const CONJUNCTIONS = words(
  "and or but nor so yet because although though while whereas if unless whether when where",
);
export const WH = words("who whom whose which what why how");
export const NEGATIONS = words(
  `not n't never no declined refused ${CONTRACTED} ${CONTRACTED.replace(/'/g, "’")}`,
);

/** Time words that may sit between a cue and its content: "said Friday that". */
export const TIME_WORDS =
  words(`monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
  morning afternoon evening night week weekend month year earlier later last this next recently`);

/** Parenthetical words set off by commas between a subject and its verb: "Sheinbaum, however, said". */
export const PARENTHETICALS = words(
  "however though too meanwhile instead moreover therefore also nonetheless though",
);

/** Participles that continue the previous speaker's statement without a subject: ", adding that". */
export const CONTINUING_PARTICIPLES = words(
  "adding saying noting arguing insisting warning stressing explaining declaring",
);

export function isAdverb(lower: string): boolean {
  return ADVERBS.has(lower) || (lower.length > 4 && lower.endsWith("ly") && !NOT_ADVERBS.has(lower));
}
