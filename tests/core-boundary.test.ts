import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

const FORBIDDEN = /from\s+["'](@slack\/[^"']*|discord\.js|openai|node-cron|better-sqlite3|pg|pino)["']/;

describe("src/core", () => {
  it("imports no chat SDK, model client, scheduler, database driver or logger library", () => {
    const offenders = files("src/core").filter((f) => FORBIDDEN.test(readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });

  it("is checked on real files (the check would see a forbidden import)", () => {
    expect(files("src/core").length).toBeGreaterThan(10);
    expect(FORBIDDEN.test('import { App } from "@slack/bolt";')).toBe(true);
  });
});
