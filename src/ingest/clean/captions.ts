/** Photo captions, photo credits and image alt text. */
import { isHeadlineShaped, wordRegex } from "./text.js";
import type { BlockRule } from "./types.js";

const AGENCIES =
  "Getty Images|AFP|Reuters|AP|EPA|EPA-EFE|Bloomberg|Shutterstock|Alamy|dpa|EFE|Anadolu|Xinhua|Sipa|NurPhoto|Imago|iStock|ANSA|Europa Press|Cuartoscuro|Pool";

/** A caption label at the start: "Photo: …", "Foto: …", "Image credit: …". */
const CAPTION_LABEL =
  /^(?:photo(?:graph)?|image|picture|illustration|video|foto(?:grafía|grafia)?|imagen|imagem|immagine|bild|crédito|crédit(?: photo)?|credit|source|fuente|quelle)(?:\s+(?:credit|courtesy|by|de|von|di))?\s*[:|/©]/iu;
/** A parenthesized credit: "(AP Photo/Jane Doe)", "(Photo by Jane Doe/Getty Images)", "(Foto: EFE)". */
const PAREN_CREDIT = new RegExp(
  `\\s*[([](?:(?:${AGENCIES})\\s+(?:Photo|Foto|Images?)[^()[\\]]{0,60}|(?:Photo|Foto|Photograph|Image|Picture|Bild)(?:\\s+by|\\s+de|\\s*:)[^()[\\]]{1,80}|[^()[\\]]{1,60}/(?:${AGENCIES})[^()[\\]]{0,30})[)\\]]`,
  "gu",
);
/** A credit closing the text: "… on Friday. Jane Doe/Getty Images", "… (Photo: Jane Doe)", "… AFP via Getty Images". */
const TRAILING_CREDIT = new RegExp(
  `(?:^|\\s)(?:(?:Photo|Foto|Credit|Crédito|Crédit)\\s*:\\s*[^.:]{1,50}|(?:\\p{Lu}[\\p{L}.'’-]*\\s+){0,3}\\p{Lu}[\\p{L}.'’-]*\\s*/\\s*(?:${AGENCIES})|(?:\\p{Lu}\\p{L}*\\s+)?(?:${AGENCIES})\\s+via\\s+Getty Images|Getty Images)\\.?$`,
  "u",
);
const CREDIT_ONLY = new RegExp(
  `^(?:(?:Photo|Foto)\\s*:?\\s*)?(?:[\\p{L}.'’ -]{0,40}/\\s*)?(?:${AGENCIES})(?:\\s+via\\s+Getty Images)?$`,
  "u",
);

/** Alt text of an image: "Image of Jane Doe", "Photo de …", "Bild von …". */
const IMAGE_ALT =
  /^(?:an? )?(?:image|photo|picture|avatar|portrait|headshot|foto|imagen|imagem|immagine|bild|retrato|thumbnail)\s+(?:of|de|do|da|von|di|del|du)\s+/iu;

export const imageAlt: BlockRule = (item) =>
  item.words <= 12 && IMAGE_ALT.test(item.text) && isHeadlineShaped(item.text) ? "image-alt" : null;

export const photoCaption: BlockRule = (item) => {
  if (item.words > 70) return null;
  const t = item.text;
  if (item.words <= 10 && CREDIT_ONLY.test(t)) return "caption";
  if (CAPTION_LABEL.test(t)) return "caption";
  const end = tail(t);
  return hasParenCredit(t) || (mayEndWithCredit(end) && TRAILING_CREDIT.test(end)) ? "caption" : null;
};

/** The end of a text, where a trailing credit would be (keeps the regex work per block small). */
function tail(text: string): string {
  return text.length > 120 ? text.slice(-120) : text;
}

/** Every trailing credit has a slash, a label with a colon, or Getty (pre-check). */
function mayEndWithCredit(end: string): boolean {
  return end.includes("/") || end.includes(":") || end.includes("Getty");
}

function hasParenCredit(text: string): boolean {
  if (!text.includes("(") && !text.includes("[")) return false;
  PAREN_CREDIT.lastIndex = 0;
  return PAREN_CREDIT.test(text);
}

/** Removes photo credits inside a long paragraph that is not a caption itself. */
export function trimPhotoCredits(text: string): string {
  let out = hasParenCredit(text) ? text.replace(PAREN_CREDIT, "") : text;
  const end = tail(out);
  const m = mayEndWithCredit(end) ? TRAILING_CREDIT.exec(end) : null;
  if (m) out = out.slice(0, out.length - end.length + m.index);
  return out === text ? text : out.trim();
}

/** Present-tense verbs typical of photo captions ("X and Y participate in …", "X speaks during …"). */
const CAPTION_VERB = wordRegex([
  "(?:participate|attend|arrive|speak|talk|gesture|wave|look|pose|listen|stand|sit|hold|greet|shake|deliver|address|leave|depart|gather|march|protest|react|celebrate|watch|meet|walk|visit|sign|salute|applaud|embrace|hug|smile|pray|mourn|vote|cast|display|carry|ride|board|prepare|play|inspect|tour|kneel|lay|light|raise|work|battle|fight|search|rescue|wait|line|queue|sort|build|repair|cross|fly|dance|sing|perform|run|kick|score|compete|train|shop|cheer|clean|clear|remove|check|chat|shout|chant|block|guard|patrol|stroll|swim|jump|rest|sleep|hold)(?:s|es)?",
  "looks on",
  "(?:is|are) (?:seen|pictured|shown|photographed)",
  "participa(?:n)?|asiste(?:n)?|habla(?:n)?|saluda(?:n)?|posa(?:n)?|llega(?:n)?|camina(?:n)?|observa(?:n)?",
  "participe(?:nt)?|assiste(?:nt)?|salue(?:nt)?|pose(?:nt)?|arrive(?:nt)?|prononce",
  "nimmt|nehmen|spricht|sprechen|begrüßt|kommt|kommen",
  "participam|discursa|chega(?:m)?|cumprimenta(?:m)?",
  "partecipa(?:no)?|arriva(?:no)?|saluta(?:no)?|parla(?:no)?",
]);
/** Past-tense reporting: a story lead, not a caption. */
const REPORTING = wordRegex(
  "said|says|told|announced|added|according|reported|dijo|afirmó|aseguró|declaró|a déclaré|a dit|sagte|erklärte|disse|afirmou|ha detto|ha dichiarato",
);
/** When the photo was taken: "on Friday", "on Dec. 5", "el viernes", "am Freitag". */
const WHEN = wordRegex(
  "on (?:mon|tues|wednes|thurs|fri|satur|sun)day|on (?:jan|feb|march|april|may|june|july|aug|sept?|oct|nov|dec)[a-z]*\\.? \\d{1,2}|(?:el|este) (?:lunes|martes|miércoles|jueves|viernes|sábado|domingo)|(?:le|ce) (?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)|am (?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)|(?:na|nesta) (?:segunda|terça|quarta|quinta|sexta)(?:-feira)?|(?:lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica)",
);

/** English past tense: "voted", "was", "had" (a few adjectives in -ed are let through). */
const PAST =
  /\b(?:was|were|had|did|(?!(?:united|red|bed|need|speed|seed|feed|shed|hundred|breed|creed|sacred|naked|beloved)\b)[a-z]{2,}ed)\b/;

/**
 * A one-sentence description of a photo: someone doing something (present tense), then when it happened
 * ("X and Y participate in the draw in Washington on Friday.").
 */
export function looksLikeCaption(text: string, words: number): boolean {
  if (words < 6 || words > 50 || /["“”«»]/u.test(text)) return false;
  if (
    /[.!?]\s+\p{Lu}/u.test(
      text.replace(
        /\b(?:[A-Z]\.){1,3}|\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|St|Jr|Sr|Dec|Jan|Feb|Aug|Sept?|Oct|Nov)\./g,
        "",
      ),
    )
  )
    return false;
  if (PAST.test(text) || REPORTING.test(text)) return false;
  const verb = CAPTION_VERB.exec(text);
  const when = WHEN.exec(text);
  return verb !== null && when !== null && verb.index < when.index;
}
