import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { ingest } from "../../src/ingest/pipeline.js";
import { silentLogger } from "../../src/logger.js";
import { openStore } from "../../src/store/open-store.js";
import type { Store } from "../../src/store/store.js";

/** A temp directory to write fixture files into. */
export function tempDir(): { dir: string; write: (name: string, content: string | Uint8Array) => string } {
  const dir = mkdtempSync(join(tmpdir(), "newsdesk-test-"));
  return {
    dir,
    write(name, content) {
      const p = join(dir, name);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, content);
      return p;
    },
  };
}

export const FIXED_NOW = new Date("2026-05-01T12:00:00Z");

/** An in-memory store and an `ingest` bound to it with test limits. */
export async function ingestEnv(limits: { maxBytes?: number; fetchTimeoutMs?: number } = {}) {
  const store: Store = await openStore(":memory:");
  const run = (inputs: string[]) =>
    ingest(inputs, {
      store,
      logger: silentLogger,
      now: () => FIXED_NOW,
      limits: { maxBytes: limits.maxBytes ?? 5 * 1024 * 1024, fetchTimeoutMs: limits.fetchTimeoutMs ?? 2000 },
    });
  return { store, ingest: run };
}
