/** Copyright and rights-reserved lines; the holder's name is kept as a source hint. */
import { hintSource } from "./source-hint.js";
import { triggers } from "./state.js";
import { wordRegex } from "./text.js";
import { T_COPYRIGHT } from "./triggers.js";
import type { BlockRule } from "./types.js";

const RIGHTS = wordRegex([
  "all rights reserved",
  "todos los derechos reservados",
  "tous droits réservés",
  "alle rechte vorbehalten",
  "todos os direitos reservados",
  "tutti i diritti riservati",
  "alle rechten voorbehouden",
]);
/** "©", "(c) 2025", "Copyright 2025", "Copyright ©" */
const MARK = /©|\(c\)\s*(?:19|20)\d{2}|\bcopyright\s*(?:©|\(c\)|(?:19|20)\d{2})/iu;
/** The holder after the mark and years: "© 2025 Outlet Name. All rights reserved." */
const HOLDER =
  /(?:©|\(c\)|copyright)\s*(?:©|\(c\))?\s*(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?)?\s*,?\s*([^.|©]+?)\s*(?:[.|]|$|all rights|todos los|tous droits|alle rechte|todos os|tutti i|alle rechten)/iu;

export const copyright: BlockRule = (item, st) => {
  if (item.words > 45 || !(triggers(item) & T_COPYRIGHT)) return null;
  const mark = MARK.test(item.text);
  if (!mark && !RIGHTS.test(item.text)) return null;
  if (mark) hintSource(st, HOLDER.exec(item.text)?.[1]);
  return "copyright";
};
