import { describe, expect, it } from "vitest";
import { cleanBlocks } from "../src/ingest/clean/index.js";
import { lines, S1, S2 } from "./helpers/clean-fixtures.js";

describe("reporter credits", () => {
  it("drops a closing 'reported from' credit line", () => {
    const c = "Correspondents Alvarez reported from Lima and Chen from Santiago.";
    const r = cleanBlocks(lines(S1, S2, c));
    expect(r.removed).toContainEqual({ text: c, rule: "reporter-credit" });
    expect(r.blocks.map((b) => b.text)).toEqual([S1, S2]);
  });

  it("drops an agency sign-off and a contributor note", () => {
    const a = "Reporting by Ana Ruiz; Editing by Mark Lee";
    const b = "Associated Press writer Tom Becker contributed to this report.";
    const r = cleanBlocks(lines(S1, S2, a, b));
    expect(r.blocks.map((x) => x.text)).toEqual([S1, S2]);
  });

  it("drops a Spanish 'con información de' credit at the end", () => {
    const es1 =
      "El concejo municipal aprobó el jueves un plan de 40 millones de dólares para reparar el viejo puente, tras meses de debate sobre cómo pagar las obras.";
    const es2 =
      "Las obras comenzarán en otoño y durarán unos dos años, según explicaron los funcionarios, que prometieron mantener un carril abierto en cada sentido.";
    const r = cleanBlocks(lines(es1, es2, "Con información de EFE y Reuters."));
    expect(r.blocks.map((x) => x.text)).toEqual([es1, es2]);
  });

  it("keeps 'reported from' inside the story", () => {
    const p =
      "As the newspaper reported from the capital last week, the ministry had already approved the funds.";
    expect(cleanBlocks(lines(S1, p, S2)).blocks.map((b) => b.text)).toContain(p);
  });
});
