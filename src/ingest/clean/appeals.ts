/** Donation and membership appeals ("Thank you for reading… please consider a donation", "Donate now"). */
import { triggers } from "./state.js";
import { labelKey, wordRegex } from "./text.js";
import { T_APPEAL } from "./triggers.js";
import type { BlockRule } from "./types.js";

/** Asking for money: an appeal only when it is addressed to the reader (see `ASKS`). */
const GIVE = wordRegex([
  "(?:make|making|give|giving) (?:a |an )?(?:small |one-time |monthly |tax-deductible )?(?:donation|gift|contribution)",
  "(?:donat(?:e|ing)|contribut(?:e|ing)) (?:today|now|to (?:our|us|support))",
  "become a (?:member|supporter|patron|sustaining member)",
]);
const ASKS = wordRegex(
  "please|consider|you|your|us|our|por favor|considera|bitte|s'il vous plaît|per favore",
);
/** Phrases that are appeals on their own. */
const APPEAL = wordRegex([
  "support (?:our|independent|local|nonprofit|quality|this) (?:journalism|newsroom|reporting|work)",
  "(?:our|this) journalism is (?:free|funded|made possible)",
  "reader-funded|member-supported|chip in",
  "haz una donación|hazte socio|apoya (?:nuestro|el) periodismo|ap[oó]yanos",
  "faites un don|soutenez (?:notre|le) journalisme|soutenez-nous",
  "jetzt spenden|unterstützen sie (?:unseren|unabhängigen) journalismus",
  "faça uma doação|apoie o (?:nosso )?jornalismo",
  "fai una donazione|sostieni (?:il nostro|il) giornalismo|sostienici",
]);
const BUTTON =
  /^(?:donate(?: now| today)?|support us|contribute|become a member|give now|dona(?:r)?(?: ahora)?|faire un don|spenden|doe(?: agora)?|sostienici)$/u;

export const appeal: BlockRule = (item) => {
  if (item.words > 90) return null;
  if (item.words <= 4 && BUTTON.test(labelKey(item.text))) return "appeal";
  if (!(triggers(item) & T_APPEAL)) return null;
  return APPEAL.test(item.text) || (GIVE.test(item.text) && ASKS.test(item.text)) ? "appeal" : null;
};
