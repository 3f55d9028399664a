import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openStore } from "../src/store/open-store.js";
import { MIGRATIONS } from "../src/store/sqlite/migrations.js";
import type { Store } from "../src/store/store.js";

let store: Store;
beforeEach(async () => {
  store = await openStore(":memory:");
});
afterEach(async () => {
  await store.close();
});

const completion = (text: string) => ({
  text,
  promptTokens: 120,
  completionTokens: 30,
  createdAt: "2026-03-20T12:00:00.000Z",
});

describe("the completion store", () => {
  it("is created by migration 4, listed in version order", () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toContain(4);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
  });

  it("keeps a completion per prompt key and model, and replaces it on a second put", async () => {
    expect(await store.completions.getCompletion("k1", "model-a")).toBeNull();
    await store.completions.putCompletion("k1", "model-a", completion("first"));
    expect(await store.completions.getCompletion("k1", "model-a")).toEqual(completion("first"));
    expect(await store.completions.getCompletion("k1", "model-b")).toBeNull();
    await store.completions.putCompletion("k1", "model-a", completion("second"));
    expect((await store.completions.getCompletion("k1", "model-a"))?.text).toBe("second");
  });

  it("adds token usage per day", async () => {
    expect(await store.completions.usage("2026-03-20")).toEqual({
      promptTokens: 0,
      completionTokens: 0,
      requests: 0,
    });
    await store.completions.addUsage("2026-03-20", { promptTokens: 100, completionTokens: 20 });
    await store.completions.addUsage("2026-03-20", { promptTokens: 50, completionTokens: 5 });
    await store.completions.addUsage("2026-03-21", { promptTokens: 7, completionTokens: 1 });
    expect(await store.completions.usage("2026-03-20")).toEqual({
      promptTokens: 150,
      completionTokens: 25,
      requests: 2,
    });
  });

  it("fails with a store error once the store is closed", async () => {
    await store.close();
    await expect(store.completions.usage("2026-03-20")).rejects.toMatchObject({ code: "STORE_FAILED" });
  });
});
