/** Sign-in, registration, password-reset and captcha forms, and the error messages that come with them. */

import { triggers } from "./state.js";
import { addressesReader, labelKey, withoutQuotes, wordRegex } from "./text.js";
import { T_FORM } from "./triggers.js";
import type { BlockRule } from "./types.js";

/** A whole block that is a form label or button. */
const FORM_LABEL = new RegExp(
  "^(?:" +
    [
      "(?:sign|log) ?(?:in|up|out)(?: (?:with|to) .{1,30})?",
      "register(?: now)?",
      "create (?:an |your )?account",
      "(?:forgot|reset|change|show|hide) (?:your )?password",
      "forgot password",
      "password",
      "e ?mail(?: address)?",
      "username",
      "remember me",
      "(?:keep me|stay) (?:signed|logged) in",
      "(?:or )?continue with (?:google|apple|facebook|email|microsoft)",
      "submit",
      "send",
      "cancel",
      "close",
      "back to (?:log|sign) ?in",
      "iniciar sesión",
      "inicia sesión",
      "regístrate",
      "registrarse",
      "crear cuenta",
      "contraseña",
      "olvidé mi contraseña",
      "se connecter",
      "connexion",
      "s'inscrire",
      "mot de passe(?: oublié)?",
      "créer un compte",
      "anmelden",
      "einloggen",
      "abmelden",
      "registrieren",
      "passwort(?: vergessen)?",
      "entrar",
      "cadastre-se",
      "senha",
      "esqueci (?:a|minha) senha",
      "accedi",
      "registrati",
      "password dimenticata",
      "inloggen",
      "wachtwoord(?: vergeten)?",
    ].join("|") +
    ")$",
  "u",
);

/** Phrases that only occur in forms and UI messages. */
const FORM_PHRASE = wordRegex([
  "(?:re)?captcha",
  "something went wrong",
  "contact (?:our )?support",
  "try again later",
  "please (?:enable|turn on) (?:javascript|cookies)",
  "(?:if you (?:already )?have an account|already have an account|don'?t have an account|do not have an account)",
  "you will receive an email",
  "no account yet",
  "register (?:for free|now) (?:and|to) (?:read|get|continue)",
  "we(?:'|’)ll send you (?:an? )?(?:email|link|instructions|code)",
  "(?:reset|forgot|create|enter|confirm|choose) (?:your |a |a new )?password",
  "password (?:reset|must|should)",
  "enter (?:your|the) (?:email|e-mail)",
  "has olvidado tu contraseña",
  "(?:restablecer|cambiar) (?:la |tu )?contraseña",
  "correo electrónico (?:no válido|inválido)",
  "mot de passe oublié",
  "réinitialiser (?:votre )?mot de passe",
  "une erreur (?:s'est produite|est survenue)",
  "passwort (?:vergessen|zurücksetzen)",
  "ein fehler ist aufgetreten",
  "(?:esqueceu|redefinir) (?:a |sua )?senha",
  "algo deu errado",
  "algo salió mal",
  "qualcosa è andato storto",
  "reimposta(?:re)? (?:la )?password",
  "(?:your )?email address will not be published",
  "required fields are marked",
  "save my name,? e-?mail",
  "(?:the )?next time i comment",
  "tu dirección de correo electrónico no será publicada",
  "votre adresse (?:e-mail|de messagerie) ne sera pas publiée",
  "ihre e-mail-adresse wird nicht veröffentlicht",
  "o seu endereço de e-mail não será publicado",
  "il tuo indirizzo email non sarà pubblicato",
]);

const PASSWORD = wordRegex("password|passcode|contraseña|mot de passe|passwort|senha|wachtwoord");

export const form: BlockRule = (item) => {
  if (item.words > 60) return null;
  if (item.words <= 6 && FORM_LABEL.test(labelKey(item.text))) return "form";
  if (!(triggers(item) & T_FORM)) return null;
  const text = withoutQuotes(item.text);
  if (FORM_PHRASE.test(text)) return "form";
  // A short message addressing the reader about their password or account.
  if (item.words <= 40 && PASSWORD.test(text) && addressesReader(text)) return "form";
  return null;
};
