import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { Readable } from "node:stream";
import { createBrotliDecompress, createUnzip } from "node:zlib";
import { NewsdeskError } from "../../errors.js";
import type { FetchOptions } from "./fetch-resource.js";

export type Transport = NonNullable<FetchOptions["transport"]>;

/** Statuses whose response has no body; a web Response refuses one for them. */
const NULL_BODY = new Set([101, 204, 205, 304]);

function headersOf(res: IncomingMessage): Headers {
  const headers = new Headers();
  const raw = res.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    try {
      headers.append(raw[i] ?? "", raw[i + 1] ?? "");
    } catch {
      // A header a web Response cannot hold is one newsdesk does not read either.
    }
  }
  return headers;
}

/** The body as a web stream, decompressed when the server compressed it. */
function bodyOf(res: IncomingMessage): ReadableStream<Uint8Array> {
  const encoding = (res.headers["content-encoding"] ?? "").trim().toLowerCase();
  let stream: Readable = res;
  if (encoding === "gzip" || encoding === "x-gzip" || encoding === "deflate")
    stream = res.pipe(createUnzip());
  else if (encoding === "br") stream = res.pipe(createBrotliDecompress());
  if (stream !== res) res.on("error", (err) => stream.destroy(err));
  return Readable.toWeb(stream) as ReadableStream<Uint8Array>;
}

function toResponse(res: IncomingMessage, url: URL): Response {
  const status = res.statusCode ?? 0;
  if (status < 200 || status > 599) {
    res.destroy();
    throw new NewsdeskError("FETCH_FAILED", `Could not fetch ${url.href}: unexpected HTTP status ${status}`);
  }
  const body = NULL_BODY.has(status) ? null : bodyOf(res);
  if (body === null) res.resume();
  return new Response(body, { status, statusText: res.statusMessage ?? "", headers: headersOf(res) });
}

/**
 * A fresh agent of node's own class for one request. Not `agent: false`: that builds the agent from the class of
 * `http.globalAgent`, which a proxy library (or `http.setGlobalProxyFromEnv`) may have replaced with one that
 * sends the request through a proxy, which resolves the name itself and so skips the pinned lookup. An empty
 * `proxyEnv` opts out of Node's own HTTP(S)_PROXY support (NODE_USE_ENV_PROXY), which newer Node versions apply to
 * agents built without one; older versions ignore the option.
 */
function privateAgent(url: URL): http.Agent {
  const options = { keepAlive: false, proxyEnv: {} } as http.AgentOptions;
  return url.protocol === "https:" ? new https.Agent(options) : new http.Agent(options);
}

/**
 * A transport for `fetchResource` on node:http(s) that resolves host names with `lookupFor(url)` — so the
 * connection goes to an address that lookup approved, closing the gap between checking a name and connecting
 * (DNS rebinding). It never follows redirects; `fetchResource` does, checking each hop. TLS still verifies the
 * certificate against the host name (sent as SNI). No proxy is used, whatever the environment says.
 */
export function pinnedTransport(lookupFor: (url: URL) => LookupFunction): Transport {
  return (url, init) =>
    new Promise<Response>((resolve, reject) => {
      const client = url.protocol === "https:" ? https : http;
      const req = client.request(
        url,
        {
          method: "GET",
          headers: { ...init.headers, "accept-encoding": "gzip, deflate, br" },
          signal: init.signal,
          lookup: lookupFor(url),
          // One connection per request, on an agent of its own: a pooled socket would skip the lookup.
          agent: privateAgent(url),
        },
        (res) => {
          try {
            resolve(toResponse(res, url));
          } catch (err) {
            reject(err);
          }
        },
      );
      req.on("error", reject);
      req.end();
    });
}
