import { describe, expect, it } from "vitest";
import { readDateline } from "../src/ingest/clean/dateline.js";
import { findDate, monthDayAt } from "../src/ingest/clean/dates.js";
import { cleanBlocks } from "../src/ingest/clean/index.js";
import { lines, S1, S2 } from "./helpers/clean-fixtures.js";

describe("dates", () => {
  it("reads a leading date marker and strips it from the text", () => {
    const r = cleanBlocks(lines(`date 2024-03-14 ${S1}`, S2));
    expect(r.meta.publishedAt).toBe("2024-03-14");
    expect(r.blocks.map((b) => b.text)).toEqual([S1, S2]);
  });

  it("reads a dateline with a full date and keeps the paragraph", () => {
    const p = `PORTLAND, Ore., March 14, 2024 — ${S1}`;
    const r = cleanBlocks(lines(p, S2));
    expect(r.meta.publishedAt).toBe("2024-03-14");
    expect(r.blocks[0]?.text).toBe(p);
  });

  it("reads a wire credit in a dateline as a source hint", () => {
    const r = cleanBlocks(lines(`LIMA (Reuters) - ${S1}`, S2));
    expect(r.meta.sourceHint).toBe("Reuters");
    expect(r.meta.publishedAt).toBeUndefined();
  });

  it("reads any outlet credited in a dateline as a source hint, not only known wires", () => {
    const r = cleanBlocks(lines(`HARLOW, Essen, May 2, 2024 (Fenwick Daily Wire) - ${S1}`, S2));
    expect(r.meta.sourceHint).toBe("Fenwick Daily Wire");
    expect(r.meta.publishedAt).toBe("2024-05-02");
  });

  it("splits an outlet off a byline: the person is the author, the outlet a source hint", () => {
    const r = cleanBlocks(lines("By Ilse Marrow, The Harlow Courier", S1, S2));
    expect(r.meta.author).toBe("Ilse Marrow");
    expect(r.meta.sourceHint).toBe("The Harlow Courier");
    expect(r.blocks.map((b) => b.text)).toEqual([S1, S2]);
  });

  it("dates a dateline without a year in the most recent past", () => {
    const now = new Date("2025-01-10T00:00:00Z");
    expect(readDateline("MEXICO CITY, Dec. 24 (AP) — The", now)).toEqual({ date: "2024-12-24", wire: "AP" });
    expect(readDateline("BERLIN, 3. März (dpa) - Die", now)).toEqual({ date: "2024-03-03", wire: "dpa" });
    expect(monthDayAt("5 de enero (EFE)", now)?.iso).toBe("2025-01-05");
  });

  it("does not take a story opening with a dash for a dateline", () => {
    const now = new Date("2025-01-10T00:00:00Z");
    expect(
      readDateline("In the end, it was the weather — not the money — that decided it.", now),
    ).toBeUndefined();
    expect(readDateline("Sheinbaum, Trump — the two leaders met briefly.", now)).toBeUndefined();
  });

  it("removes a labelled timestamp line and uses a publication date", () => {
    const r = cleanBlocks(lines("Published March 14, 2024 at 6:05 p.m. ET", "Updated 2 hours ago", S1, S2));
    expect(r.meta.publishedAt).toBe("2024-03-14");
    expect(r.removed.map((x) => x.rule)).toEqual(["timestamp", "timestamp"]);
  });

  it("removes a bare date line above the story", () => {
    const r = cleanBlocks(lines("Thursday, 14 March 2024", S1, S2));
    expect(r.meta.publishedAt).toBe("2024-03-14");
    expect(r.blocks.map((b) => b.text)).toEqual([S1, S2]);
  });

  it("keeps a sentence that starts with a date", () => {
    const p = "March 14, 2024, was the coldest day of the year, and the bridge was closed for ice.";
    expect(cleanBlocks(lines(S1, p, S2)).blocks.map((b) => b.text)).toContain(p);
  });

  it("parses dates in several languages and formats", () => {
    expect(findDate("Dec. 5, 2025")?.iso).toBe("2025-12-05");
    expect(findDate("5 de diciembre de 2025")?.iso).toBe("2025-12-05");
    expect(findDate("5 décembre 2025")?.iso).toBe("2025-12-05");
    expect(findDate("5. Dezember 2025")?.iso).toBe("2025-12-05");
    expect(findDate("5 dicembre 2025")?.iso).toBe("2025-12-05");
    expect(findDate("05.12.2025")?.iso).toBe("2025-12-05");
    expect(findDate("2025-02-30")).toBeUndefined();
    expect(findDate("5 out of 2025 voters")).toBeUndefined();
  });
});
