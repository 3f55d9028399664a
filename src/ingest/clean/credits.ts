/** Reporter credits and republication notes at the end: "X reported from Y and Z from W.", "Reporting by …". */
import { hintSource } from "./source-hint.js";
import { wordRegex } from "./text.js";
import type { State } from "./types.js";

/** Credits that can appear only as credits (Reuters-style sign-offs), wherever they stand. */
const SIGN_OFF =
  /^(?:\(?(?:additional )?reporting by|writing by|editing by|edited by|compiled by|produced by|fact-checked by)\b/iu;

const CREDIT = wordRegex([
  "reported (?:from|in|this (?:story|report|article))",
  "contributed (?:reporting|to this (?:report|story|article))",
  "contributed from",
  "(?:additional )?reporting (?:by|from)",
  "(?:staff|special) (?:writers?|correspondents?)",
  "con (?:información|reportes?|datos) de",
  "con la colaboración de",
  "(?:redacción|edición) (?:de|por)",
  "avec (?:l'?afp|afp|reuters|ap|agences|l'agence)",
  "(?:édité|rédigé) par",
  "mit (?:material|agenturmaterial) (?:von|der)",
  "mit (?:dpa|afp|reuters|ap)",
  "com (?:informações|agências)",
  "con (?:agenzie|ansa)",
  "ha collaborato",
  "met medewerking van",
  "(?:originally|first) (?:published|appeared)",
  "a version of this (?:article|story) (?:appeared|appears|was published)",
  "this (?:article|story) (?:was|has been) (?:updated|corrected|republished|produced)",
  "republish (?:our|this|these) (?:articles?|stories|story)",
  "creative commons",
]);
/** "Outlet is a nonprofit newsroom …": the site describing itself. */
const SELF_DESCRIPTION =
  /^(\p{Lu}[^.]{1,50}?) is (?:a|an) (?:nonprofit|non-profit|independent|reader-supported|member-supported|local|award-winning)(?: [\p{L}-]+){0,3} (?:newsroom|news (?:organization|outlet|site|service)|publication|media (?:company|organization|outlet))/u;

/** Removes credit lines after the last story paragraph (and sign-offs anywhere). */
export function reporterCredits(st: State, lastStory: number): void {
  for (let i = 0; i < st.items.length; i++) {
    const it = st.items[i];
    if (!it || it.removed !== null || it.words > 40 || it.kind === "quote" || /["“”«»]/u.test(it.text))
      continue;
    const self = i > lastStory ? SELF_DESCRIPTION.exec(it.text) : null;
    if (self) hintSource(st, self[1]);
    if (self || SIGN_OFF.test(it.text) || (i > lastStory && CREDIT.test(it.text)))
      it.removed = "reporter-credit";
  }
}
