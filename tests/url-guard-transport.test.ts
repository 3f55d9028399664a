import http from "node:http";
import https from "node:https";
import type { AddressInfo, Socket } from "node:net";
import tls from "node:tls";
import { afterEach, describe, expect, it } from "vitest";
import { fetchResource } from "../src/ingest/fetch/http.js";
import { type LocalServer, startLocalServer } from "./helpers/local-server.js";
import { guard, resolverOf } from "./helpers/url-guard-cases.js";

/** A self-signed certificate for the fictional host stand-in.example (valid until 2126), for a local HTTPS server. */
const KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgc8pFBQYI0pLTRLww
/7iGCC1nLoR7Na3IDo9iaveHVlKhRANCAARfWXk++VeSBZee8JErCPnLiQ7jhdrg
nthXmM30ONP5KlaUuK81Bw0+YDgi5U+UEina4VICCDaRHc6TmZLA/jE7
-----END PRIVATE KEY-----`;
const CERT = `-----BEGIN CERTIFICATE-----
MIIBqjCCAVCgAwIBAgIUETHTvFSGLAmm1QO5LpPE9dMC4rgwCgYIKoZIzj0EAwIw
GzEZMBcGA1UEAwwQc3RhbmQtaW4uZXhhbXBsZTAgFw0yNjExMjIwMzM4NTFaGA8y
MTI2MTAyOTAzMzg1MVowGzEZMBcGA1UEAwwQc3RhbmQtaW4uZXhhbXBsZTBZMBMG
ByqGSM49AgEGCCqGSM49AwEHA0IABF9ZeT75V5IFl57wkSsI+cuJDuOF2uCe2FeY
zfQ40/kqVpS4rzUHDT5gOCLlT5QSKdrhUgIINpEdzpOZksD+MTujcDBuMB0GA1Ud
DgQWBBQ3u2wEKg/1Ey33/dnLDxSBZ7MkpzAfBgNVHSMEGDAWgBQ3u2wEKg/1Ey33
/dnLDxSBZ7MkpzAPBgNVHRMBAf8EBTADAQH/MBsGA1UdEQQUMBKCEHN0YW5kLWlu
LmV4YW1wbGUwCgYIKoZIzj0EAwIDSAAwRQIgUo0ZSPBa1KCtXvUVAVHCZmEIkTkM
altYv1PYUlHAHEsCIQC3UvjzNyeKEFDyDyQqwUdzGY55Hf6gS0hAoZPJj3DDMg==
-----END CERTIFICATE-----`;

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

async function local(routes: Parameters<typeof startLocalServer>[0]): Promise<LocalServer> {
  const server = await startLocalServer(routes);
  cleanup.push(() => server.close());
  return server;
}

/** Installs a process-wide agent class (as proxy libraries do) that records every connection it makes. */
function proxyingGlobalAgents(): string[] {
  const used: string[] = [];
  const record = (host: unknown) => used.push(String(host));
  class ProxyingHttp extends http.Agent {
    override createConnection(...args: Parameters<http.Agent["createConnection"]>) {
      record(args[0].host);
      return super.createConnection(...args);
    }
  }
  class ProxyingHttps extends https.Agent {
    override createConnection(...args: Parameters<http.Agent["createConnection"]>) {
      record(args[0].host);
      return super.createConnection(...args);
    }
  }
  const saved = { http: http.globalAgent, https: https.globalAgent };
  http.globalAgent = new ProxyingHttp();
  https.globalAgent = new ProxyingHttps();
  cleanup.push(() => {
    http.globalAgent = saved.http;
    https.globalAgent = saved.https;
  });
  return used;
}

describe("the pinned transport", () => {
  it("connects by itself to the address it checked, not through a proxying global agent", async () => {
    const server = await local({ "/page": { headers: { "content-type": "text/plain" }, body: "direct" } });
    const port = new URL(server.url("/")).port;
    const used = proxyingGlobalAgents();
    const g = guard("127.0.0.0/8", resolverOf({ "stand-in.example": ["127.0.0.1"] }));
    const res = await fetchResource(`http://stand-in.example:${port}/page`, {
      ...g.fetchOptions,
      timeoutMs: 2000,
    });
    expect(res.body).toBe("direct");
    expect(used).toEqual([]);
  });

  it("keeps HTTPS certificate checks on and names the host (SNI) when it connects to a pinned address", async () => {
    const names: string[] = [];
    const context = tls.createSecureContext({ key: KEY, cert: CERT });
    const server = https.createServer(
      {
        key: KEY,
        cert: CERT,
        SNICallback: (name, done) => {
          names.push(name);
          done(null, context);
        },
      },
      (_req, res) => res.end("internal"),
    );
    const sockets = new Set<Socket>();
    server.on("connection", (socket: Socket) => sockets.add(socket));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    cleanup.push(
      () =>
        new Promise<void>((resolve) => {
          for (const socket of sockets) socket.destroy();
          server.close(() => resolve());
        }),
    );
    const { port } = server.address() as AddressInfo;
    const g = guard("127.0.0.0/8", resolverOf({ "stand-in.example": ["127.0.0.1"] }));
    // The certificate is self-signed: the request must fail on it, although the address was allowed.
    await expect(
      fetchResource(`https://stand-in.example:${port}/`, { ...g.fetchOptions, timeoutMs: 2000 }),
    ).rejects.toMatchObject({
      code: "FETCH_FAILED",
      message: expect.stringMatching(
        /TLS certificate problem \((DEPTH_ZERO_SELF_SIGNED_CERT|CERT_NOT_YET_VALID)\)$/,
      ),
    });
    expect(names).toEqual(["stand-in.example"]);
  });
});

describe("redirects through the guard", () => {
  it("refuses non-http schemes, loops and a scheme-relative Location to a private address", async () => {
    const server = await local({
      "/to-file": { status: 302, headers: { location: "file:///etc/passwd" } },
      "/to-gopher": { status: 301, headers: { location: "gopher://news.example/1" } },
      "/loop-a": { status: 302, headers: { location: "/loop-b" } },
      "/loop-b": { status: 302, headers: { location: "/loop-a#again" } },
      "/relative": { status: 307, headers: { location: "//10.0.0.7/admin" } },
    });
    const g = guard(`127.0.0.1:${new URL(server.url("/")).port}`);
    const get = (path: string) => fetchResource(server.url(path), { ...g.fetchOptions, timeoutMs: 2000 });
    await expect(get("/to-file")).rejects.toThrow(
      /redirected to a non-http\(s\) URL: file:\/\/\/etc\/passwd/,
    );
    await expect(get("/to-gopher")).rejects.toThrow(/redirected to a non-http\(s\) URL: gopher:/);
    await expect(get("/loop-a")).rejects.toThrow(/Redirect loop/);
    await expect(get("/relative")).rejects.toThrow(
      "refused http://10.0.0.7/admin: 10.0.0.7 is a private address (set NEWSDESK_ALLOWED_HOSTS to allow it)",
    );
    expect(server.requests.map((r) => r.url)).toEqual([
      "/to-file",
      "/to-gopher",
      "/loop-a",
      "/loop-b",
      "/relative",
    ]);
  });
});
