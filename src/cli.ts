#!/usr/bin/env node
import { runCli } from "./cli/program.js";
import { createLogger } from "./logger.js";

const code = await runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  env: process.env,
  now: () => new Date(),
  logger: createLogger(process.env.LOG_LEVEL ?? "warn"),
  columns: process.stdout.isTTY ? process.stdout.columns : undefined,
  stdin: process.stdin,
  stdoutStream: process.stdout,
});
process.exitCode = code;
