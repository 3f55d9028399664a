import { describe, expect, it } from "vitest";
import { trimCitationChip } from "../src/ingest/clean/citation-chips.js";
import { cleanBlocks } from "../src/ingest/clean/index.js";
import { lines, S1 } from "./helpers/clean-fixtures.js";

describe("citation chips", () => {
  it("drops an 'Outlet+N' chip at the end of a paragraph and keeps the sentence", () => {
    const p = "The plan was first floated two years ago by the transport ministry. City Ledger+2";
    const r = cleanBlocks(lines(S1, p));
    expect(r.blocks.map((b) => b.text)).toEqual([
      S1,
      "The plan was first floated two years ago by the transport ministry.",
    ]);
  });

  it("drops a domain chip and a news-outlet chip", () => {
    expect(trimCitationChip("Officials confirmed the closure on Monday. harborgazette.com")).toBe(
      "Officials confirmed the closure on Monday.",
    );
    expect(trimCitationChip("Officials confirmed the closure on Monday. Valley News")).toBe(
      "Officials confirmed the closure on Monday.",
    );
  });

  it("keeps a paragraph that ends with a real sentence or a name", () => {
    const a = "The vote was close, according to Mayor Ana Ruiz.";
    const b = "She said the city had waited long enough. Then the room fell silent";
    expect(trimCitationChip(a)).toBe(a);
    expect(trimCitationChip(b)).toBe(b);
  });
});
