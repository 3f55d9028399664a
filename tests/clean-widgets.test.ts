import { describe, expect, it } from "vitest";
import { cleanBlocks } from "../src/ingest/clean/index.js";
import { lines, S1, S2 } from "./helpers/clean-fixtures.js";

describe("share, print and comment widgets", () => {
  const widgets = [
    "Share this article",
    "Facebook X LinkedIn Email Print",
    "Copy link",
    "Compartir en WhatsApp",
    "Artikel teilen",
    "Comments (12)",
    "Leave a comment",
    "Join the conversation",
    "Follow us on Instagram",
    "Síguenos en Twitter",
  ];
  for (const w of widgets) {
    it(`drops the widget "${w}"`, () => {
      const r = cleanBlocks(lines(S1, w, S2));
      expect(r.removed).toContainEqual({ text: w, rule: "share-widget" });
      expect(r.blocks.map((b) => b.text)).toEqual([S1, S2]);
    });
  }
});

describe("cookie notices", () => {
  it("drops a cookie banner and its buttons", () => {
    const banner =
      "This website uses cookies to personalise content and analyse traffic. Read our cookie policy.";
    const r = cleanBlocks(lines(S1, S2, banner, "Accept all", "Manage preferences"));
    expect(r.blocks.map((b) => b.text)).toEqual([S1, S2]);
    expect(r.removed.map((x) => x.rule)).toEqual(["cookie-notice", "cookie-notice", "cookie-notice"]);
  });

  it("drops a Spanish cookie banner", () => {
    const banner =
      "Utilizamos cookies propias y de terceros para mejorar tu experiencia. Aceptar o configurar.";
    expect(cleanBlocks(lines(S1, banner, S2)).removed).toContainEqual({
      text: banner,
      rule: "cookie-notice",
    });
  });

  it("keeps a story paragraph about baked cookies", () => {
    const p =
      "Bakers in the town sold more than 10,000 cookies at the winter fair, organizers said on Sunday.";
    expect(cleanBlocks(lines(S1, p, S2)).blocks.map((b) => b.text)).toContain(p);
  });
});

describe("copyright lines", () => {
  it("drops a copyright line and keeps the holder as a source hint", () => {
    const c = "© 2025 Harbor Media Group. All rights reserved.";
    const r = cleanBlocks(lines(S1, S2, c));
    expect(r.removed).toContainEqual({ text: c, rule: "copyright" });
    expect(r.meta.sourceHint).toBe("Harbor Media Group");
  });

  it("takes the holder without the year when the year follows the name", () => {
    const r = cleanBlocks(lines(S1, S2, "© The Fenwick Observer 2025"));
    expect(r.meta.sourceHint).toBe("The Fenwick Observer");
  });

  it("drops rights-reserved lines in other languages", () => {
    const de = "Alle Rechte vorbehalten.";
    const es = "Copyright 2024 Diario del Sur. Todos los derechos reservados.";
    const r = cleanBlocks(lines(S1, S2, de, es));
    expect(r.removed.map((x) => x.rule)).toEqual(["copyright", "copyright"]);
    expect(r.meta.sourceHint).toBe("Diario del Sur");
  });

  it("keeps a story paragraph about copyright law", () => {
    const p =
      "The court ruled that the copyright on the photograph had expired in 2019, clearing the way for its use.";
    expect(cleanBlocks(lines(S1, p, S2)).blocks.map((b) => b.text)).toContain(p);
  });
});
