/** Ad markers and "continues below" notices, in several languages. */
import { labelKey } from "./text.js";
import type { BlockRule } from "./types.js";

const AD_LABEL = new RegExp(
  "^(?:" +
    [
      "advertisement",
      "advertisment",
      "advertising",
      "advert",
      "ad",
      "ads",
      "sponsored(?: (?:content|post|story|article|links?|by .{1,40}))?",
      "paid (?:content|post|partner content|for by .{1,40})",
      "promoted(?: (?:content|stories|links))?",
      "partner content",
      "(?:content|presented) by our partners?",
      // es / pt
      "publicidad",
      "publicidade",
      "anuncio",
      "anúncio",
      "patrocinado",
      "contenido patrocinado",
      "conteúdo patrocinado",
      // fr
      "publicité",
      "publicite",
      "pub",
      "contenu sponsorisé",
      "annonce",
      // de / nl
      "anzeige",
      "werbung",
      "gesponsert",
      "advertentie",
      "gesponsord",
      "reclame",
      // it
      "pubblicità",
      "contenuto sponsorizzato",
    ].join("|") +
    ")(?: [-–—] .{1,40})?$",
  "u",
);

const CONTINUES =
  /^(?:(?:the )?(?:story|article|content|text) continues (?:below|after)(?: (?:the |this )?(?:advertisement|ad))?|continue reading (?:below|after (?:the )?(?:ad|advertisement)|the main story)|scroll (?:down )?to continue(?: reading| with content)?|advertisement scroll to continue|(?:la noticia|el artículo|la nota) continúa (?:abajo|debajo|después de la publicidad)|l'article continue (?:ci-dessous|après la publicité)|(?:weiterlesen nach der anzeige|der artikel wird nach der anzeige fortgesetzt|artikel wird unter der anzeige fortgesetzt)|(?:continua (?:depois|após) (?:da )?publicidade)|(?:l'articolo continua (?:sotto|dopo la pubblicità)))$/u;

export const adMarker: BlockRule = (item) => {
  if (item.words > 12) return null;
  const key = labelKey(item.text);
  if (AD_LABEL.test(key) || CONTINUES.test(key)) return "ad-marker";
  return null;
};

/** An ad label glued to the start or end of a paragraph (a common artefact of text extraction). */
const GLUED_AD =
  /^(?:ADVERTISEMENT|Advertisement|Anzeige|Publicidad|Publicité)\s+(?=["“‘\p{Lu}])|\s+(?:ADVERTISEMENT|Advertisement)$/u;
export function trimGluedAd(text: string): string {
  return GLUED_AD.test(text) ? text.replace(GLUED_AD, "").trim() : text;
}
