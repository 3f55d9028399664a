import { describe, expect, it } from "vitest";
import { cleanBlocks } from "../src/ingest/clean/index.js";
import { lines, S1, S2, S3 } from "./helpers/clean-fixtures.js";

describe("blocks in another language than the article", () => {
  it("drops a run of French interface text inside an English article", () => {
    const fr = [
      "Votre session a expiré sur cet appareil.",
      "Pour continuer, il faut revenir à la page d'accueil et ouvrir une nouvelle session.",
    ];
    const r = cleanBlocks(lines(S1, S2, ...fr, S3));
    expect(r.blocks.map((b) => b.text)).toEqual([S1, S2, S3]);
    expect(r.removed.map((x) => x.rule)).toEqual(["foreign-language", "foreign-language"]);
  });

  it("keeps a single quoted Spanish sentence inside the story", () => {
    const q =
      "“No vamos a permitir que el puente se caiga por falta de dinero”, dijo la alcaldesa en la sesión.";
    const r = cleanBlocks(lines(S1, q, S2, S3));
    expect(r.blocks.map((b) => b.text)).toEqual([S1, q, S2, S3]);
  });

  it("trusts the text over a wrong declared language", () => {
    const es1 =
      "El concejo municipal aprobó el jueves un plan de 40 millones de dólares para reparar el viejo puente, tras meses de debate sobre cómo pagar las obras.";
    const es2 =
      "Las obras comenzarán en otoño y durarán unos dos años, según explicaron los funcionarios, que prometieron mantener un carril abierto en cada sentido.";
    const r = cleanBlocks(lines(es1, es2), { language: "en" });
    expect(r.language).toBe("es");
    expect(r.blocks.map((b) => b.text)).toEqual([es1, es2]);
  });

  it("uses the declared language when the text agrees or says little", () => {
    expect(cleanBlocks(lines(S1, S2), { language: "en-US" }).language).toBe("en");
    expect(cleanBlocks(lines("Bridge", "Repairs"), { language: "de" }).language).toBe("de");
    expect(cleanBlocks(lines("Bridge", "Repairs")).language).toBe("und");
  });
});
