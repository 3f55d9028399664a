import { expect } from "vitest";
import { isNewsdeskError } from "../../src/errors.js";
import { createUrlGuard, type Resolver, type UrlGuard } from "../../src/ingest/fetch/url-guard.js";
import { loadUrlPolicy } from "../../src/ingest/fetch/url-policy-config.js";

/** A resolver from a fixed table; unknown names fail like a real lookup. */
export function resolverOf(table: Record<string, string[]>): Resolver {
  return async (host) => {
    const found = table[host];
    if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
    return found.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };
}

const PUBLIC = resolverOf({ "news.example": ["93.184.216.34"], "v6.example": ["2606:4700::1111"] });

export function guard(allowed = "", resolve: Resolver = PUBLIC): UrlGuard {
  return createUrlGuard({ policy: loadUrlPolicy({ NEWSDESK_ALLOWED_HOSTS: allowed }), resolve });
}

/** The one-line reason the guard refuses `url` with, or "allowed". */
export async function verdict(url: string, g: UrlGuard = guard()): Promise<string> {
  try {
    await g.checkUrl(new URL(url));
    return "allowed";
  } catch (err) {
    if (!isNewsdeskError(err)) throw err;
    expect(err.message).not.toContain("\n");
    return `${err.code}: ${err.message}`;
  }
}
