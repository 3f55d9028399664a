import { createRequire } from "node:module";

/** The package version, read from package.json (three levels up from both src/ingest/fetch and dist/ingest/fetch). */
function packageVersion(): string {
  try {
    const pkg: unknown = createRequire(import.meta.url)("../../../package.json");
    const version = (pkg as { version?: unknown }).version;
    return typeof version === "string" ? version : "0.0.0";
  } catch {
    return "0.0.0";
  }
}

export const DEFAULT_USER_AGENT = `newsdesk/${packageVersion()} (+self-hosted news bot)`;
