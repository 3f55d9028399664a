import type { CliIo } from "../../src/cli/context.js";
import { runCli } from "../../src/cli/program.js";
import { silentLogger } from "../../src/logger.js";

/** Runs the newsdesk CLI in-process with captured output and a fixed clock. */
export async function cli(args: string[], extra: Partial<CliIo> = {}) {
  let out = "";
  let err = "";
  const code = await runCli(args, {
    stdout: (s) => {
      out += s;
    },
    stderr: (s) => {
      err += s;
    },
    env: {},
    now: () => new Date("2026-03-20T12:00:00Z"),
    logger: silentLogger,
    ...extra,
  });
  return { code, out, err };
}
