/**
 * Cheap pre-check for the keyword rules. Each block is tokenized once (together with language scoring, see
 * state.ts); every word is looked up by its first six letters in a table of trigger words, giving a bit mask of
 * the rules worth running on the block. Trigger words of six letters or more match as prefixes ("subscr" →
 * subscribe, subscription…), shorter ones match exactly.
 */

export const T_FORM = 1;
export const T_PAYWALL = 2;
export const T_NEWSLETTER = 4;
export const T_AFFILIATE = 8;
export const T_READ_ALOUD = 16;
export const T_COOKIE = 32;
export const T_COPYRIGHT = 64;
export const T_APPEAL = 128;

const WORDS: Array<[number, string]> = [
  [
    T_FORM,
    "captcha recaptcha wrong support again javascript cookies account email mail password passcode contraseña passe " +
      "erreur passwort fehler senha errado salió storto wachtwoord send reimposta electrónico required comment " +
      "dirección adresse endereço indirizzo",
  ],
  [
    T_PAYWALL,
    "subscribe subscriber subscription subscribing suscripción suscripciones suscríbete suscribirse suscribirte " +
      "suscriptor suscriptores suscriptora abonnement abonnez abonné abonnée abonnés abonner abo abonnieren abonnent " +
      "abonnenten digital assinatura assine assinante assinantes assinar abbonamento abbonati abbonarti abbonato " +
      "abonnee paywall premium member membership continue leyendo suite weiterlesen lendo leggere account device " +
      "cuenta dispositivo compte appareil konto gerät conta apparaat journalism access limit maximum free exclusivo " +
      "exklusiv riservato réservé eres full",
  ],
  [
    T_NEWSLETTER,
    "newsletter newsletters boletín boletines infolettre lettre rundbrief nieuwsbrief inbox bandeja boîte postfach " +
      "caixa casella correo",
  ],
  [
    T_AFFILIATE,
    "affiliate affiliation affiliés affilié afiliados afiliadas afiliado afiliada affiliazione affiliati commission " +
      "comisión provision supported reader amazon compensation share",
  ],
  [
    T_READ_ALOUD,
    "listen audio voice narrated narration narrator aloud speech escuchar escucha voz écouter voix anhören vorlesen " +
      "stimme ouvir ascolta voce reader powered automated artificial synthetic",
  ],
  [T_COOKIE, "cookie cookies"],
  [
    T_APPEAL,
    "donate donation donations contribution contribute support supporter supporters patron chip thank thanks " +
      "donación donaciones dona apoya apóyanos socio don faites soutenez soutenir spenden spende unterstützen " +
      "doação doe apoie sostienici sostieni donazione dona",
  ],
  [T_COPYRIGHT, "copyright reserved reservados réservés vorbehalten riservati voorbehouden"],
];

const TABLE = new Map<string, number>();
for (const [bit, words] of WORDS) {
  for (const w of words.split(" ")) {
    const k = w.slice(0, 6);
    TABLE.set(k, (TABLE.get(k) ?? 0) | bit);
  }
}

/** Rule bits of one lower-cased word. */
export function triggerBits(word: string): number {
  return TABLE.get(word.length > 6 ? word.slice(0, 6) : word) ?? 0;
}

/** Rule bits of what is not a word: "©", "(c)". */
export function symbolBits(lowerText: string): number {
  return lowerText.includes("©") || lowerText.includes("(c)") ? T_COPYRIGHT : 0;
}
