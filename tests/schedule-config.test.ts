import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";

describe("schedule settings", () => {
  it("default to a 120-minute grace window and the briefings directory", () => {
    expect(loadConfig({})).toMatchObject({ digestGraceMinutes: 120, briefingsDir: "briefings" });
  });

  it("are read from NEWSDESK_DIGEST_GRACE_MINUTES and NEWSDESK_BRIEFINGS_DIR", () => {
    const config = loadConfig({
      NEWSDESK_DIGEST_GRACE_MINUTES: "30",
      NEWSDESK_BRIEFINGS_DIR: " /srv/briefings ",
    });
    expect(config).toMatchObject({ digestGraceMinutes: 30, briefingsDir: "/srv/briefings" });
  });

  it("reject a bad grace window with a message naming the variable", () => {
    for (const bad of ["0", "-5", "two hours", "1.5", "99999"]) {
      expect(() => loadConfig({ NEWSDESK_DIGEST_GRACE_MINUTES: bad })).toThrow(
        /NEWSDESK_DIGEST_GRACE_MINUTES/,
      );
    }
    expect(() => loadConfig({ NEWSDESK_BRIEFINGS_DIR: "a\0b" })).toThrow(/NEWSDESK_BRIEFINGS_DIR/);
  });
});
