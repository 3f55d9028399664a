import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { tempDir } from "./helpers/ingest-env.js";
import { cli } from "./helpers/run-cli.js";

describe("newsdesk serve on the terminal", () => {
  it("answers /digest now with the terminal channel's digest and archives it in NEWSDESK_BRIEFINGS_DIR", async () => {
    const dir = tempDir().dir;
    const briefings = join(dir, "briefings");
    const stdin = Readable.from(["/subscribe summit\n", "/digest now\n", "/digest status\n", "/quit\n"]);
    const output = new PassThrough();
    let text = "";
    output.on("data", (d) => {
      text += String(d);
    });
    const env = { NEWSDESK_BRIEFINGS_DIR: briefings };
    const r = await cli(["--db", join(dir, "serve.db"), "serve", "--demo"], {
      stdin,
      stdoutStream: output,
      env,
    });
    expect(r.code).toBe(0);
    expect(text).toContain("This channel now follows summit.");
    expect(text).toMatch(/Digest: summit\n\d stor(y|ies) since Thu 19 Mar 2026, 12:00 UTC/);
    expect(text).toContain("Last sent: Fri 20 Mar 2026, 12:00 UTC.");
    expect(readdirSync(briefings)).toEqual(["2026-03-20-console-terminal.md"]);
    expect(readFileSync(join(briefings, "2026-03-20-console-terminal.md"), "utf8")).toMatch(
      /^# Digest: summit\n/,
    );
  });
});
