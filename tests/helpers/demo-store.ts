import { fileURLToPath } from "node:url";
import type { CoreDeps } from "../../src/core/deps.js";
import { ingest } from "../../src/ingest/pipeline.js";
import { silentLogger } from "../../src/logger.js";
import { openStore } from "../../src/store/open-store.js";

export const DEMO_DIR = fileURLToPath(new URL("../../articles/", import.meta.url));

/** An in-memory store holding the fictional demo corpus, and core deps with a fixed clock. */
export async function demoDeps(now = new Date("2026-03-20T12:00:00Z")): Promise<CoreDeps> {
  const store = await openStore(":memory:");
  const report = await ingest([DEMO_DIR], {
    store,
    logger: silentLogger,
    now: () => now,
    limits: { maxBytes: 5 * 1024 * 1024, fetchTimeoutMs: 1000 },
  });
  if (report.rejected.length > 0) throw new Error(`demo corpus rejected: ${JSON.stringify(report.rejected)}`);
  return { store, now: () => now, logger: silentLogger };
}
