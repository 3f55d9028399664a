import { describe, expect, it } from "vitest";
import { cleanBlocks } from "../src/ingest/clean/index.js";
import { lines, S1, S2 } from "./helpers/clean-fixtures.js";

describe("affiliate disclosures", () => {
  it("drops a disclosure and keeps the site's name as a source hint", () => {
    const d =
      "Gadget Grove is reader-supported. When you buy through our links, we may earn a small commission.";
    const r = cleanBlocks(lines(S1, S2, d));
    expect(r.removed).toContainEqual({ text: d, rule: "affiliate" });
    expect(r.meta.sourceHint).toBe("Gadget Grove");
  });

  it("drops a Spanish disclosure", () => {
    const d = "Este artículo contiene enlaces de afiliados: podemos recibir una comisión por las compras.";
    expect(cleanBlocks(lines(S1, d, S2)).removed).toContainEqual({ text: d, rule: "affiliate" });
  });

  it("keeps a story paragraph about a sales commission", () => {
    const p =
      "The agency will earn a commission of 5 percent on every contract it negotiates, according to the filing.";
    expect(cleanBlocks(lines(S1, p, S2)).blocks.map((b) => b.text)).toContain(p);
  });
});
