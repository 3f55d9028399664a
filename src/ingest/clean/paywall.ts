/** Paywall, subscription and account-sharing notices, in several languages. */

import { triggers } from "./state.js";
import { addressesReader, withoutQuotes, wordRegex } from "./text.js";
import { T_PAYWALL } from "./triggers.js";
import type { BlockRule } from "./types.js";

/** Words about subscribing or paying for access. */
const SUBSCRIPTION = wordRegex([
  "subscri(?:be|bed|ber|bers|bing|ption|ptions)",
  "paywall",
  "premium",
  "membership",
  "become a member",
  "suscri(?:pción|pciones|bete|birse|birte|ptor|ptores|ptora)",
  "abonn(?:ement|ez-vous|é|ée|és|er)",
  "abo",
  "abonnieren",
  "abonnent(?:en)?",
  "digital-?abo",
  "assin(?:atura|e|ante|antes|ar)",
  "abbonamento",
  "abbona(?:ti|rti|to)",
  "abonnee",
]);

/** Phrases that only occur in paywall and metering notices. */
const PAYWALL_PHRASE = wordRegex([
  "(?:to )?continue reading",
  "read the full (?:article|story)",
  "already a (?:subscriber|member)",
  "unlimited (?:digital )?access",
  "free (?:articles?|stories) (?:left|remaining)",
  "(?:reached|used) (?:your|the) (?:limit|maximum|free articles?)",
  "support (?:our|independent|quality) journalism",
  "this (?:article|story|content) is (?:only )?(?:available|reserved|exclusive) (?:to|for) (?:subscribers|members)",
  "(?:para )?seguir leyendo",
  "contenido exclusivo para (?:suscriptores|socios)",
  "ya eres (?:suscriptor|socio)",
  "pour lire la suite",
  "réservé aux abonnés",
  "déjà abonné",
  "(?:jetzt )?weiterlesen mit",
  "exklusiv für abonnenten",
  "continue lendo",
  "exclusivo para assinantes",
  "continua a leggere",
  "riservato agli abbonati",
]);

/** Words about the reader's account or devices, and about sharing it: account-sharing notices. */
const ACCOUNT = wordRegex("account|device|cuenta|dispositivo|compte|appareil|konto|gerät|conta|apparaat");
const SHARING = wordRegex("shar\\w*|compart\\w*|partag\\w*|teil\\w*|geteilt|condivi\\w*|delen");

export const paywall: BlockRule = (item) => {
  if (item.words > 80) return null;
  if (!(triggers(item) & T_PAYWALL)) return null;
  const text = withoutQuotes(item.text);
  if (PAYWALL_PHRASE.test(text)) return "paywall";
  if (SUBSCRIPTION.test(text) && (addressesReader(text) || item.words <= 10)) return "paywall";
  if (ACCOUNT.test(text) && SHARING.test(text) && addressesReader(text)) return "paywall";
  return null;
};
