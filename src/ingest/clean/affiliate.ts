/** Affiliate and commission disclosures ("X is supported by its audience…"). */
import { hintSource } from "./source-hint.js";
import { triggers } from "./state.js";
import { wordRegex } from "./text.js";
import { T_AFFILIATE } from "./triggers.js";
import type { BlockRule } from "./types.js";

const DISCLOSURE = wordRegex([
  "affiliate (?:commission|links?|programs?|policy|disclosure|partnerships?|partners)",
  "(?:we|us) (?:may |might |could |will )?(?:earn|receive|get|make) (?:an? )?(?:small )?(?:affiliate )?(?:commission|compensation|a share|money)",
  "commissions? (?:on|from) (?:purchases|sales|qualifying purchases|products)",
  "(?:when|if) you (?:buy|purchase|shop|click|sign up) (?:something )?(?:through|via|using) (?:our|the|these) links",
  "supported by (?:its|our|their) (?:audience|readers)",
  "reader-supported",
  "as an amazon associate",
  "(?:enlaces|links) de afiliad[oa]s?",
  "comisión de afiliad[oa]",
  "podemos (?:recibir|ganar|obtener) una comisión",
  "liens? (?:d'affiliation|affiliés?)",
  "(?:nous )?(?:pouvons|pourrions) percevoir une commission",
  "affiliate-links?",
  "provisions-links?",
  "erhalten wir (?:eine )?provision",
  "link (?:di )?affiliazione",
  "link affiliati",
  "links? afiliados?",
]);

/** "Outlet is supported by its audience", "Outlet may earn a commission". */
const OUTLET =
  /^(.{2,60}?) (?:is (?:supported by|reader-supported|independently owned)|(?:may|might|could) (?:earn|receive)|earns? )/u;

export const affiliate: BlockRule = (item, st) => {
  if (item.words > 90 || !(triggers(item) & T_AFFILIATE) || !DISCLOSURE.test(item.text)) return null;
  hintSource(st, OUTLET.exec(item.text)?.[1]);
  return "affiliate";
};
