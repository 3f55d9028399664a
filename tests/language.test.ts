import { describe, expect, it } from "vitest";
import { detectLanguage } from "../src/nlp/language.js";

describe("detectLanguage", () => {
  const samples: Array<[string, string]> = [
    [
      "en",
      "The council voted on Thursday to approve the plan, which has been debated for months by residents.",
    ],
    ["es", "El concejo aprobó el jueves el plan, que los vecinos han debatido durante meses en la ciudad."],
    [
      "fr",
      "Le conseil a approuvé jeudi le plan, dont les habitants débattent depuis des mois dans la ville.",
    ],
    ["de", "Der Rat hat am Donnerstag den Plan beschlossen, über den die Bewohner seit Monaten diskutieren."],
    ["pt", "O conselho aprovou na quinta-feira o plano, que os moradores discutem há meses na cidade."],
    ["it", "Il consiglio ha approvato giovedì il piano, di cui gli abitanti discutono da mesi nella città."],
    [
      "nl",
      "De raad heeft donderdag het plan goedgekeurd, waarover de bewoners al maanden praten in de stad.",
    ],
  ];
  for (const [lang, text] of samples) {
    it(`recognises ${lang} from function words`, () => {
      const g = detectLanguage(text);
      expect(g.language).toBe(lang);
      expect(g.confidence).toBeGreaterThan(0.2);
    });
  }

  it("recognises a short Spanish notice line", () => {
    expect(detectLanguage("¿Quieres añadir otro usuario a tu cuenta?").language).toBe("es");
  });

  it('returns "und" with zero confidence for labels without function words', () => {
    expect(detectLanguage("Most viewed")).toEqual({ language: "und", confidence: 0 });
    expect(detectLanguage("")).toEqual({ language: "und", confidence: 0 });
    expect(detectLanguage("12345 — 678").language).toBe("und");
  });

  it("is not fooled by Spanish names inside an English sentence", () => {
    const g = detectLanguage(
      "Foreign Secretary Juan Ramón de la Fuente spoke on Sunday with the Secretary of State about the border and the trade talks.",
    );
    expect(g.language).toBe("en");
  });
});
