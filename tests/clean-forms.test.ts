import { describe, expect, it } from "vitest";
import { cleanBlocks } from "../src/ingest/clean/index.js";
import { lines, S1, S2 } from "./helpers/clean-fixtures.js";

describe("sign-in and password forms", () => {
  it("drops a password-reset form at the top of the page", () => {
    const form = [
      "Reset your password",
      "Type the email linked to your account and we'll send you a link to choose a new password.",
      "Protected by reCAPTCHA. The Privacy Policy and Terms apply.",
      "Oops! Something went wrong, please try again later.",
      "Check your inbox: if you have an account, you will receive an email shortly.",
    ];
    const r = cleanBlocks(lines(...form, "Bridge repairs approved after long debate", S1, S2));
    expect(r.blocks.map((b) => b.text)).toEqual([S1, S2]);
    expect(r.meta.title).toBe("Bridge repairs approved after long debate");
    for (const text of form) expect(r.removed.find((x) => x.text === text)?.rule).toBe("form");
  });

  it("drops sign-in labels in several languages", () => {
    const labels = [
      "Log in",
      "Iniciar sesión",
      "Se connecter",
      "Passwort vergessen?",
      "Esqueci minha senha",
      "Accedi",
    ];
    const r = cleanBlocks(lines(S1, ...labels, S2));
    expect(r.blocks.map((b) => b.text)).toEqual([S1, S2]);
  });

  it("drops a remember-me checkbox label and a register-to-read prompt", () => {
    const r = cleanBlocks(
      lines(
        "Stay logged in",
        "No account yet? Register for free and read three articles a week.",
        "Bridge repairs approved",
        S1,
        S2,
      ),
    );
    expect(r.meta.title).toBe("Bridge repairs approved");
    expect(r.blocks.map((b) => b.text)).toEqual([S1, S2]);
  });

  it("keeps a story paragraph about stolen passwords", () => {
    const p =
      "The company said hackers had stolen the passwords of about 200,000 customers and urged them to change them.";
    expect(cleanBlocks(lines(S1, p, S2)).blocks.map((b) => b.text)).toContain(p);
  });

  it("keeps a quote that contains a phrase typical of error messages", () => {
    const p = "“Something went wrong in the control room,” the engineer told investigators on Monday.";
    expect(cleanBlocks(lines(S1, p, S2)).blocks.map((b) => b.text)).toContain(p);
  });
});
