import { describe, expect, it } from "vitest";
import { cleanBlocks } from "../src/ingest/clean/index.js";
import { lines, S1, S2, S3 } from "./helpers/clean-fixtures.js";

describe("paywall and subscription notices", () => {
  it("drops a Spanish paywall notice inside an English article", () => {
    const notice = [
      "Tu cuenta está abierta en otro navegador",
      "Si sigues leyendo aquí, la sesión se cerrará en el otro dispositivo.",
      "¿Quieres compartir tu suscripción? Pasa al plan Familiar y añade a otra persona.",
      "Consulta las condiciones de tu suscripción digital en la página de ayuda.",
    ];
    const r = cleanBlocks(lines(S1, S2, ...notice, S3));
    expect(r.language).toBe("en");
    expect(r.blocks.map((b) => b.text)).toEqual([S1, S2, S3]);
    for (const text of notice) expect(r.removed.map((x) => x.text)).toContain(text);
  });

  it("drops an English metering notice", () => {
    const n = "You have reached your limit of free articles this month. Subscribe for unlimited access.";
    const r = cleanBlocks(lines(S1, S2, n));
    expect(r.removed).toContainEqual({ text: n, rule: "paywall" });
  });

  it("drops a French subscribers-only notice", () => {
    const n = "Cet article est réservé aux abonnés. Déjà abonné ? Connectez-vous.";
    const r = cleanBlocks(
      lines(
        "Le conseil municipal a voté jeudi le plan de rénovation du pont, après des mois de débats sur son financement et sur les travaux.",
        n,
      ),
    );
    expect(r.removed.map((x) => x.rule)).toContain("paywall");
  });

  it("keeps a story paragraph about subscribers written in the third person", () => {
    const p =
      "Streaming services lost subscribers in the first quarter as households cut back on spending, according to an industry report released on Tuesday.";
    expect(cleanBlocks(lines(S1, p, S2)).blocks.map((b) => b.text)).toContain(p);
  });
});
