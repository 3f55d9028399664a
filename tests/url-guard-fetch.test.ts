import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { fetchResource } from "../src/ingest/fetch/http.js";
import type { Resolver } from "../src/ingest/fetch/url-guard.js";
import { loadUrlPolicy } from "../src/ingest/fetch/url-policy-config.js";
import { type LocalServer, startLocalServer } from "./helpers/local-server.js";
import { guard, resolverOf, verdict } from "./helpers/url-guard-cases.js";

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("NEWSDESK_ALLOWED_HOSTS", () => {
  const internal = resolverOf({ "feeds.intranet": ["10.9.8.7"], "a.corp.example": ["192.168.5.5"] });

  it("allows a host by name, on any port", async () => {
    const g = guard("feeds.intranet", internal);
    expect(await verdict("http://feeds.intranet/rss", g)).toBe("allowed");
    expect(await verdict("http://feeds.intranet:8080/rss", g)).toBe("allowed");
  });

  it("allows host:port only on that port", async () => {
    const g = guard("feeds.intranet:8080", internal);
    expect(await verdict("http://feeds.intranet:8080/rss", g)).toBe("allowed");
    expect(await verdict("http://feeds.intranet/rss", g)).toMatch(
      /resolves to 10\.9\.8\.7, a private address/,
    );
  });

  it("allows subdomains with *.name", async () => {
    const g = guard("*.corp.example", internal);
    expect(await verdict("http://a.corp.example/", g)).toBe("allowed");
  });

  it("allows addresses by CIDR, and nothing outside it", async () => {
    const g = guard("10.0.0.0/8, fd00::/8", internal);
    expect(await verdict("http://feeds.intranet/rss", g)).toBe("allowed");
    expect(await verdict("http://10.200.0.1/", g)).toBe("allowed");
    expect(await verdict("http://[fd00::5]/", g)).toBe("allowed");
    expect(await verdict("http://192.168.1.1/", g)).toMatch(/192\.168\.1\.1 is a private address/);
    expect(await verdict("http://169.254.169.254/", g)).toMatch(/cloud metadata address/);
  });

  it("allows a single IP address", async () => {
    const g = guard("127.0.0.1", internal);
    expect(await verdict("http://127.0.0.1:9000/", g)).toBe("allowed");
    expect(await verdict("http://127.0.0.2/", g)).toMatch(/loopback/);
  });

  it("rejects a malformed entry with an error naming the variable", () => {
    for (const bad of ["10.0.0.0/33", "host:99999", "bad host", "::1/200"]) {
      expect(() => loadUrlPolicy({ NEWSDESK_ALLOWED_HOSTS: bad })).toThrow(/Set NEWSDESK_ALLOWED_HOSTS to /);
    }
    expect(loadUrlPolicy({})).toEqual({ hosts: [], networks: [] });
  });
});

describe("fetching through the guard", () => {
  it("refuses the local server without an allowlist and never connects", async () => {
    server = await startLocalServer({ "/": { body: "hello" } });
    const g = guard();
    await expect(
      fetchResource(server.url("/"), { ...g.fetchOptions, timeoutMs: 2000 }),
    ).rejects.toMatchObject({
      code: "URL_UNSAFE",
      message: expect.stringContaining("127.0.0.1 is a loopback address"),
    });
    expect(server.requests).toHaveLength(0);
  });

  it("refuses a redirect from an allowed host to a private address", async () => {
    server = await startLocalServer({
      "/go": { status: 302, headers: { location: "http://10.0.0.5/admin" } },
      "/other": { status: 301, headers: { location: "http://127.0.0.1:9/secret" } },
    });
    const port = new URL(server.url("/")).port;
    const g = guard(`127.0.0.1:${port}`);
    await expect(fetchResource(server.url("/go"), { ...g.fetchOptions, timeoutMs: 2000 })).rejects.toThrow(
      "refused http://10.0.0.5/admin: 10.0.0.5 is a private address (set NEWSDESK_ALLOWED_HOSTS to allow it)",
    );
    await expect(fetchResource(server.url("/other"), { ...g.fetchOptions, timeoutMs: 2000 })).rejects.toThrow(
      "refused http://127.0.0.1:9/secret: 127.0.0.1 is a loopback address",
    );
    expect(server.hits("/go")).toBe(1);
  });

  it("connects only to an address it checked, so a name that rebinds to loopback is refused", async () => {
    server = await startLocalServer({ "/page": { body: "internal" } });
    const port = new URL(server.url("/")).port;
    let calls = 0;
    const rebinding: Resolver = async () => [
      { address: calls++ === 0 ? "93.184.216.34" : "127.0.0.1", family: 4 },
    ];
    const g = guard("", rebinding);
    await expect(
      fetchResource(`http://rebind.example:${port}/page`, { ...g.fetchOptions, timeoutMs: 2000 }),
    ).rejects.toThrow("rebind.example resolves to 127.0.0.1, a loopback address");
    expect(calls).toBe(2);
    expect(server.requests).toHaveLength(0);
  });

  it("connects to the resolved address it checked, and decodes a compressed body", async () => {
    server = await startLocalServer({
      "/page": {
        headers: { "content-type": "text/plain", "content-encoding": "gzip" },
        body: gzipSync("the bridge reopened"),
      },
    });
    const port = new URL(server.url("/")).port;
    const g = guard("127.0.0.0/8", resolverOf({ "stand-in.example": ["127.0.0.1"] }));
    const res = await fetchResource(`http://stand-in.example:${port}/page`, {
      ...g.fetchOptions,
      timeoutMs: 2000,
    });
    expect(res.body).toBe("the bridge reopened");
    expect(server.requests[0]?.headers.host).toBe(`stand-in.example:${port}`);
  });

  it("keeps to the time limit when a body stalls after the headers", async () => {
    server = await startLocalServer({
      "/stall": (_req, res) => {
        res.writeHead(200, { "content-type": "text/html" });
        res.write("<html><body>The first half of a page");
      },
    });
    const g = guard("127.0.0.1");
    await expect(fetchResource(server.url("/stall"), { ...g.fetchOptions, timeoutMs: 300 })).rejects.toThrow(
      `Timed out after 0.3 s fetching ${server.url("/stall")}`,
    );
  });
});
