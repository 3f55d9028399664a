/** Share / print / comment widgets, "follow us" prompts and cookie notices. */

import { triggers } from "./state.js";
import { addressesReader, labelKey, withoutQuotes, wordRegex } from "./text.js";
import { T_COOKIE } from "./triggers.js";
import type { BlockRule } from "./types.js";

/** Words a share bar is made of. A block made only of these (and at least one core word) is a widget. */
const WIDGET_CORE = new Set(
  (
    "share shares sharing tweet email e-mail mail print comment comments save saved bookmark copy copied link gift " +
    "facebook twitter x linkedin whatsapp reddit pinterest telegram threads bluesky flipboard messenger sms " +
    "compartir imprimir comentarios comentario guardar enviar copiar enlace partager imprimer commentaires commentaire " +
    "enregistrer copier lien teilen drucken kommentare kommentar merken kopieren compartilhar comentários salvar " +
    "condividi stampa commenti commento salva copia delen reageren opslaan"
  ).split(" "),
);
const WIDGET_FILLER = new Set(
  "this article story page via on in with the a to or and link url full gift de la el en con por este cet article ce sur diesen artikel auf no na questo articolo su per".split(
    " ",
  ),
);

function isShareBar(text: string): boolean {
  const words = labelKey(text)
    .replace(/\d+/g, " ")
    .split(/[\s&]+/)
    .filter(Boolean);
  if (words.length === 0 || words.length > 12) return false;
  let core = 0;
  for (const w of words) {
    if (WIDGET_CORE.has(w)) core++;
    else if (!WIDGET_FILLER.has(w)) return false;
  }
  return core > 0;
}

const WIDGET_PHRASE = new RegExp(
  "^(?:" +
    [
      "(?:leave|add|post|write|view|show|read|see|hide|load) (?:a |all |the |your )?(?:\\d+ )?(?:comments?|replies|reply|responses?)",
      "join the (?:conversation|discussion|debate)",
      "(?:be the first to )?comment on this (?:article|story)",
      "comments? (?:are|have been) (?:closed|disabled)",
      "click here(?: to .{0,60})?",
      "(?:follow|like) us on .{1,40}",
      "follow (?:\\p{Lu}[\\p{L}.]+ ){0,3}on (?:twitter|x|facebook|instagram|linkedin|tiktok|threads|bluesky|google news|whatsapp)",
      "(?:add|make) .{1,30} (?:as )?(?:a )?preferred source on google",
      "(?:s[ií]guenos|síganos) en .{1,40}",
      "suivez-nous sur .{1,40}",
      "folgen sie uns(?: auf .{1,40})?",
      "siga-nos (?:no|na|em) .{1,40}",
      "seguici su .{1,40}",
      "volg ons op .{1,40}",
      "(?:report|submit) (?:a |an )?(?:error|correction|typo|issue)",
      "(?:got|have) (?:a |an )?(?:news )?(?:tip|story idea|story|question|correction)\\??.{0,60}",
      "(?:e-?mail|write to|contact|reach) us at .{1,60}",
      "download (?:the|our) app.{0,60}",
    ].join("|") +
    ")$",
  "iu",
);

export const shareWidget: BlockRule = (item) => {
  if (item.words > 16) return null;
  const t = item.text.replace(/[.!?:]+$/u, "").trim();
  if (isShareBar(t) || WIDGET_PHRASE.test(t)) return "share-widget";
  return null;
};

const COOKIE = wordRegex("cookies?");
const COOKIE_CONTEXT = wordRegex([
  "use|uses|using|accept\\w*|consent\\w*|polic(?:y|ies)|settings|preferences|partners|personali[sz]\\w*",
  "utiliza\\w*|usamos|acept\\w*|configura\\w*|política",
  "utilis\\w*|accept\\w*|paramètres|politique",
  "verwende\\w*|nutzen|akzept\\w*|einstellungen|datenschutz\\w*",
  "utiliz\\w*|aceit\\w*|definições|política",
  "utilizziamo|accett\\w*|impostazioni",
  "gebruik\\w*|accepteer\\w*|instellingen",
]);
/** The site speaking: "we use cookies", "este sitio utiliza cookies". */
const SITE_SPEAKS = wordRegex(
  "we|our|us|utilizamos|usamos|nous|utilisons|wir|unsere?|utilizziamo|wij|gebruiken|este sitio|ce site|diese (?:website|seite)|este site|questo sito|this (?:site|website)",
);
const CONSENT_BUTTON =
  /^(?:accept(?: all)?(?: cookies)?|reject all|decline|manage (?:preferences|cookies|settings|options)|cookie (?:settings|policy|preferences)|privacy (?:settings|preferences)|aceptar(?: todo| todas| cookies)?|rechazar(?: todo| todas)?|tout accepter|tout refuser|alle akzeptieren|alle ablehnen|aceitar(?: todos)?|rejeitar|accetta(?: tutti)?|rifiuta(?: tutti)?|alles accepteren)$/u;

export const cookieNotice: BlockRule = (item) => {
  if (item.words > 90) return null;
  if (item.words <= 4 && CONSENT_BUTTON.test(labelKey(item.text))) return "cookie-notice";
  if (!(triggers(item) & T_COOKIE)) return null;
  const text = withoutQuotes(item.text);
  if (!COOKIE.test(text) || !COOKIE_CONTEXT.test(text)) return null;
  if (addressesReader(text) || SITE_SPEAKS.test(text) || item.words <= 12) return "cookie-notice";
  return null;
};
