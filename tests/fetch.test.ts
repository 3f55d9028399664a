import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NewsdeskError } from "../src/errors.js";
import { classifyContent } from "../src/ingest/fetch/classify.js";
import { fetchResource } from "../src/ingest/fetch/fetch-resource.js";
import { type LocalServer, startLocalServer } from "./helpers/local-server.js";

async function fetchError(promise: Promise<unknown>): Promise<NewsdeskError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof NewsdeskError) return err;
    throw err;
  }
  throw new Error("expected the fetch to fail");
}

/** "Café – naïve" in ISO-8859-1 / windows-1252 bytes. */
const LATIN1 = Buffer.from("Caf\xe9 \x96 na\xefve", "latin1");

let server: LocalServer;
const timers: NodeJS.Timeout[] = [];

beforeAll(async () => {
  server = await startLocalServer({
    "/page": {
      headers: {
        "content-type": "text/html; charset=utf-8",
        etag: '"v1"',
        "last-modified": "Tue, 05 Mar 2024 10:00:00 GMT",
      },
      body: "<html><body><p>Grüße – ok</p></body></html>",
    },
    "/latin1-header": {
      headers: { "content-type": "text/html; charset=ISO-8859-1" },
      body: Buffer.concat([Buffer.from("<p>"), LATIN1, Buffer.from("</p>")]),
    },
    "/latin1-meta": {
      headers: { "content-type": "text/html" },
      body: Buffer.concat([Buffer.from('<html><head><meta charset="iso-8859-1"></head><body><p>'), LATIN1]),
    },
    "/latin1-xml": {
      headers: { "content-type": "application/rss+xml" },
      body: Buffer.concat([Buffer.from('<?xml version="1.0" encoding="windows-1252"?><rss><title>'), LATIN1]),
    },
    "/missing": { status: 404, body: "nope" },
    "/slow": (_req, res) => {
      timers.push(setTimeout(() => res.end("too late"), 5_000));
    },
    "/slow-body": (_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      res.write("first chunk...");
      timers.push(setTimeout(() => res.end("the rest"), 5_000));
    },
    "/big-declared": { headers: { "content-type": "text/plain" }, body: "x".repeat(2_000) },
    "/big-chunked": (_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      for (let i = 0; i < 20; i++) res.write("y".repeat(100));
      res.end();
    },
    "/redirect-1": { status: 301, headers: { location: "/redirect-2" } },
    "/redirect-2": { status: 302, headers: { location: "/page?from=redirect" } },
    "/to-forbidden": { status: 302, headers: { location: "/forbidden" } },
    "/forbidden": { body: "should never be requested" },
    "/loop-a": { status: 302, headers: { location: "/loop-b" } },
    "/loop-b": { status: 302, headers: { location: "/loop-a" } },
    "/to-ftp": { status: 302, headers: { location: "ftp://example.com/file" } },
    "/conditional": (req, res) => {
      if (req.headers["if-none-match"] === '"v1"') {
        res.writeHead(304, { etag: '"v1"' }).end();
        return;
      }
      res.writeHead(200, { "content-type": "text/plain", etag: '"v1"' }).end("fresh body");
    },
    "/echo-headers": (req, res) => {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(req.headers));
    },
  });
});

afterAll(async () => {
  for (const timer of timers) clearTimeout(timer);
  await server.close();
});

describe("fetchResource", () => {
  it("fetches a 200 HTML page and decodes it as UTF-8", async () => {
    const res = await fetchResource(server.url("/page"));
    expect(res).toEqual({
      url: server.url("/page"),
      status: 200,
      notModified: false,
      contentType: "text/html",
      charset: "utf-8",
      body: "<html><body><p>Grüße – ok</p></body></html>",
      etag: '"v1"',
      lastModified: "Tue, 05 Mar 2024 10:00:00 GMT",
    });
  });

  it("decodes an ISO-8859-1 body using the charset in the Content-Type header", async () => {
    const res = await fetchResource(server.url("/latin1-header"));
    expect(res.body).toBe("<p>Café – naïve</p>");
    expect(res.charset).toBe("iso-8859-1");
  });

  it("decodes an ISO-8859-1 body using <meta charset> when the header has none", async () => {
    const res = await fetchResource(server.url("/latin1-meta"));
    expect(res.body).toContain("<p>Café – naïve");
    expect(res.charset).toBe("iso-8859-1");
  });

  it("decodes a feed using its XML encoding declaration", async () => {
    const res = await fetchResource(server.url("/latin1-xml"));
    expect(res.body).toContain("<title>Café – naïve");
    expect(res.contentType).toBe("application/rss+xml");
  });

  it("sends the newsdesk User-Agent, or the given one, and conditional request headers", async () => {
    const fallback = JSON.parse((await fetchResource(server.url("/echo-headers"))).body) as Record<
      string,
      string
    >;
    expect(fallback["user-agent"]).toMatch(/^newsdesk\/\d+\.\d+\.\d+ \(\+self-hosted news bot\)$/);
    const custom = await fetchResource(server.url("/echo-headers"), {
      userAgent: "test-agent",
      accept: "text/plain",
      etag: '"abc"',
      lastModified: "Tue, 05 Mar 2024 10:00:00 GMT",
    });
    expect(JSON.parse(custom.body)).toMatchObject({
      "user-agent": "test-agent",
      accept: "text/plain",
      "if-none-match": '"abc"',
      "if-modified-since": "Tue, 05 Mar 2024 10:00:00 GMT",
    });
  });

  it("fails with FETCH_HTTP_STATUS on a 404", async () => {
    const err = await fetchError(fetchResource(server.url("/missing")));
    expect(err.code).toBe("FETCH_HTTP_STATUS");
    expect(err.message).toBe(`HTTP 404 Not Found from ${server.url("/missing")}`);
  });

  it("fails with FETCH_TIMEOUT when the server does not answer in time", async () => {
    const started = Date.now();
    const err = await fetchError(fetchResource(server.url("/slow"), { timeoutMs: 200 }));
    expect(err.code).toBe("FETCH_TIMEOUT");
    expect(err.message).toBe(`Timed out after 0.2 s fetching ${server.url("/slow")}`);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("fails with FETCH_TIMEOUT when the body stalls (the timeout covers the whole body)", async () => {
    const err = await fetchError(fetchResource(server.url("/slow-body"), { timeoutMs: 200 }));
    expect(err.code).toBe("FETCH_TIMEOUT");
  });

  it("fails with INPUT_TOO_LARGE when Content-Length exceeds maxBytes", async () => {
    const err = await fetchError(fetchResource(server.url("/big-declared"), { maxBytes: 1_000 }));
    expect(err.code).toBe("INPUT_TOO_LARGE");
    expect(err.message).toBe(`${server.url("/big-declared")} is larger than the 1000 bytes limit (2 KB)`);
  });

  it("fails with INPUT_TOO_LARGE when a chunked body without Content-Length grows past maxBytes", async () => {
    const err = await fetchError(fetchResource(server.url("/big-chunked"), { maxBytes: 1_000 }));
    expect(err.code).toBe("INPUT_TOO_LARGE");
    const ok = await fetchResource(server.url("/big-chunked"), { maxBytes: 2_000 });
    expect(ok.body).toHaveLength(2_000);
  });

  it("follows redirects and reports the final URL, checking every hop", async () => {
    const checked: string[] = [];
    const res = await fetchResource(server.url("/redirect-1"), {
      checkUrl: (url) => void checked.push(url.href),
    });
    expect(res.url).toBe(server.url("/page?from=redirect"));
    expect(res.body).toContain("Grüße");
    expect(checked).toEqual([
      server.url("/redirect-1"),
      server.url("/redirect-2"),
      server.url("/page?from=redirect"),
    ]);
  });

  it("lets checkUrl refuse a redirect target before it is requested", async () => {
    const refuse = (url: URL) => {
      if (url.pathname === "/forbidden") throw new NewsdeskError("URL_UNSAFE", `Refusing ${url.href}`);
    };
    const err = await fetchError(fetchResource(server.url("/to-forbidden"), { checkUrl: refuse }));
    expect(err.code).toBe("URL_UNSAFE");
    expect(server.hits("/forbidden")).toBe(0);
  });

  it("wraps a plain error thrown by checkUrl as URL_UNSAFE", async () => {
    const err = await fetchError(
      fetchResource(server.url("/page"), {
        checkUrl: async () => {
          throw new Error("private address");
        },
      }),
    );
    expect(err.code).toBe("URL_UNSAFE");
    expect(err.message).toBe(`Refusing to fetch ${server.url("/page")}: private address`);
  });

  it("fails with FETCH_FAILED on a redirect loop and on too many redirects", async () => {
    const loop = await fetchError(fetchResource(server.url("/loop-a")));
    expect(loop.code).toBe("FETCH_FAILED");
    expect(loop.message).toMatch(/^Redirect loop fetching/);
    const tooMany = await fetchError(fetchResource(server.url("/redirect-1"), { maxRedirects: 1 }));
    expect(tooMany.code).toBe("FETCH_FAILED");
    expect(tooMany.message).toBe(`Too many redirects (more than 1) fetching ${server.url("/redirect-1")}`);
  });

  it("refuses a redirect to a non-http(s) URL", async () => {
    const err = await fetchError(fetchResource(server.url("/to-ftp")));
    expect(err.code).toBe("URL_INVALID");
  });

  it("rejects ftp:// and text that is not a URL with URL_INVALID", async () => {
    const ftp = await fetchError(fetchResource("ftp://example.com/file.txt"));
    expect(ftp.code).toBe("URL_INVALID");
    expect(ftp.message).toBe("Not an http(s) URL: ftp://example.com/file.txt");
    const junk = await fetchError(fetchResource("not a url"));
    expect(junk.code).toBe("URL_INVALID");
    expect(junk.message).toBe("Not a valid URL: not a url");
  });

  it("sends If-None-Match and reports a 304 as notModified with an empty body", async () => {
    const res = await fetchResource(server.url("/conditional"), { etag: '"v1"' });
    expect(res).toMatchObject({ status: 304, notModified: true, body: "", etag: '"v1"' });
    const fresh = await fetchResource(server.url("/conditional"));
    expect(fresh).toMatchObject({ status: 200, notModified: false, body: "fresh body" });
  });

  it("fails with FETCH_FAILED and a readable message when nothing listens on the port", async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as { port: number };
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const err = await fetchError(fetchResource(`http://127.0.0.1:${port}/`));
    expect(err.code).toBe("FETCH_FAILED");
    expect(err.message).toBe(`Could not fetch http://127.0.0.1:${port}/: connection refused`);
    expect(err.cause).toBeDefined();
  });
});

describe("classifyContent", () => {
  const RSS = `<?xml version="1.0"?>\n<rss version="2.0"><channel></channel></rss>`;
  const ATOM = `<feed xmlns="http://www.w3.org/2005/Atom"></feed>`;
  const RDF = `<?xml version="1.0"?><!-- feed --><rdf:RDF xmlns:rdf="x"></rdf:RDF>`;
  const HTML = "<!DOCTYPE html><html><body>hi</body></html>";

  it("sniffs RSS, Atom and RDF as feeds whatever they are served as", () => {
    expect(classifyContent("application/rss+xml", RSS)).toBe("feed");
    expect(classifyContent("text/xml; charset=utf-8", RSS)).toBe("feed");
    expect(classifyContent("text/html", ATOM)).toBe("feed");
    expect(classifyContent("application/xml", RDF)).toBe("feed");
    expect(classifyContent("text/plain", RSS)).toBe("feed");
    expect(classifyContent("", ATOM)).toBe("feed");
  });

  it("classifies HTML and XHTML as html", () => {
    expect(classifyContent("text/html; charset=utf-8", HTML)).toBe("html");
    expect(classifyContent("application/xhtml+xml", `<?xml version="1.0"?><html xmlns="x"></html>`)).toBe(
      "html",
    );
    expect(classifyContent("", HTML)).toBe("html");
  });

  it("classifies JSON, plain text and markdown", () => {
    expect(classifyContent("application/json", "{}")).toBe("json");
    expect(classifyContent("application/ld+json", "{}")).toBe("json");
    expect(classifyContent("text/plain", "Just words.")).toBe("text");
    expect(classifyContent("text/markdown", "# Title")).toBe("text");
  });

  it("classifies images, PDF, octet-stream, video, audio and non-feed XML as other", () => {
    for (const type of [
      "image/png",
      "application/pdf",
      "application/octet-stream",
      "video/mp4",
      "audio/mpeg",
    ]) {
      expect(classifyContent(type, "%PDF-1.7 or binary")).toBe("other");
    }
    expect(classifyContent("application/xml", "<note><to>x</to></note>")).toBe("other");
  });
});
