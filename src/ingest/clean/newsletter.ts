/** Newsletter and "get it in your inbox" prompts. */
import { hintSource } from "./source-hint.js";
import { triggers } from "./state.js";
import { addressesReader, SITE_VOICE, withoutQuotes, wordRegex } from "./text.js";
import { T_NEWSLETTER } from "./triggers.js";
import type { BlockRule } from "./types.js";

const NEWSLETTER = wordRegex(
  "newsletters?|boletín|boletines|infolettre|lettre d'information|rundbrief|nieuwsbrief",
);
/** An imperative call to action at the start of the block. */
const IMPERATIVE = wordRegex(
  "sign up|subscribe|get|join|don'?t miss|never miss|suscr[ií]bete|reg[ií]strate|recibe|inscrivez-vous|abonnez-vous|recevez|melden sie sich|abonnieren sie|bestellen sie|assine|cadastre-se|receba|iscriviti|ricevi|abonneer|meld je aan",
);
const ACTION = wordRegex([
  "sign(?:ing)? up",
  "subscribe",
  "get",
  "receive",
  "delivered",
  "inbox",
  "join",
  "suscr[ií]\\w*",
  "rec[ií]be\\w*",
  "inscri\\w*",
  "abonne\\w*",
  "reçoi\\w*",
  "recevez",
  "bestell\\w*",
  "abonnier\\w*",
  "anmelden",
  "melden",
  "assin\\w*",
  "receba",
  "cadastre",
  "iscri\\w*",
  "ricevi",
  "aanmelden",
]);
/** Prompts that need no newsletter word. */
const INBOX = wordRegex([
  "(?:delivered|sent) (?:straight |directly |right )?to your inbox",
  "in your inbox",
  "en tu (?:bandeja de entrada|correo)",
  "dans votre boîte (?:mail|de réception)",
  "in ihr(?:em)? (?:postfach|e-mail-postfach)",
  "na sua caixa de entrada",
  "nella tua casella",
]);

/** "... news coverage from Outlet", "the best of Outlet", "newsletter from Outlet". */
const FROM_OUTLET =
  /(?:coverage|news|newsletters?|stories|journalism|updates|reporting|best of) (?:from|of) (?:the )?(\p{Lu}[^.!?:;]{1,60})$/u;

function startsWithImperative(text: string): boolean {
  const m = IMPERATIVE.exec(text);
  return m !== null && m.index === 0;
}

export const newsletter: BlockRule = (item, st) => {
  if (item.words > 60 || !(triggers(item) & T_NEWSLETTER)) return null;
  const text = withoutQuotes(item.text);
  const calls =
    addressesReader(text) || SITE_VOICE.test(text) || item.words <= 8 || startsWithImperative(text);
  const hit = (NEWSLETTER.test(text) && ACTION.test(text) && calls) || INBOX.test(text);
  if (!hit) return null;
  const m = FROM_OUTLET.exec(text.replace(/[.!?\s]+$/u, ""));
  if (m) hintSource(st, m[1]);
  return "newsletter";
};
