/** "Listen to this article" players and automated-voice notices. */

import { triggers } from "./state.js";
import { labelKey, wordRegex } from "./text.js";
import { T_READ_ALOUD } from "./triggers.js";
import type { BlockRule } from "./types.js";

const NOTICE = wordRegex([
  "listen to (?:this|the) (?:article|story|report|piece)",
  "listen to (?:the )?audio",
  "audio (?:version|article|player)",
  "(?:automated|synthetic|computer[- ]generated|ai[- ](?:generated|powered)|artificial|digital|robotic) (?:voice|narration|narrator|reader|audio)",
  "read (?:aloud|by an? (?:automated|ai|artificial|synthetic|computer))",
  "text[- ]to[- ]speech",
  "narrated by",
  "\\d+ ?(?:min|mins|minutes?) listen",
  "escuch(?:ar|a) (?:este |el |la )?(?:artículo|noticia|nota)",
  "voz (?:automática|sintética|artificial)",
  "écouter (?:cet |l')article",
  "voix (?:de synthèse|artificielle|automatique|synthétique)",
  "artikel (?:anhören|vorlesen)",
  "vorlesen lassen",
  "(?:künstliche|synthetische|computergenerierte) stimme",
  "ouvir (?:este |a |o )?(?:artigo|notícia|matéria|texto)",
  "voz (?:sintetizada|gerada)",
  "ascolta (?:l'articolo|questo articolo|la notizia)",
  "voce (?:artificiale|sintetica)",
  "powered by (?:elevenlabs|beyondwords|trinity audio)",
]);

const PLAYER_LABEL =
  /^(?:listen|play|pause|escuchar|écouter|anhören|ouvir|ascolta|luister)(?: (?:now|\d+ ?(?:min|mins|minutes?|minutos|minuten|minuti)))?$/u;

export const readAloud: BlockRule = (item) => {
  if (item.words > 45) return null;
  if (item.words <= 4 && PLAYER_LABEL.test(labelKey(item.text))) return "read-aloud";
  return triggers(item) & T_READ_ALOUD && NOTICE.test(item.text) ? "read-aloud" : null;
};
