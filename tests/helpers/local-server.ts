import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** A canned answer: status (default 200), headers, body (sent with a Content-Length unless `headers` set one). */
export interface StaticRoute {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

export type Route = RouteHandler | StaticRoute;

export interface LocalServer {
  /** The absolute URL of `path` on this server ("/x" → "http://127.0.0.1:PORT/x"). */
  url(path?: string): string;
  /** How many requests each path (without query string) has received. */
  hits(path: string): number;
  /** Every request received, in order. */
  readonly requests: IncomingMessage[];
  /** Stops the server, dropping open connections (e.g. from a handler that never answers). */
  close(): Promise<void>;
}

/**
 * Starts an HTTP server on 127.0.0.1 on a free port. `routes` maps a path (without query string) to a handler
 * `(req, res) => void` or a static answer; unknown paths get a 404.
 */
export async function startLocalServer(routes: Record<string, Route>): Promise<LocalServer> {
  const requests: IncomingMessage[] = [];
  const counts = new Map<string, number>();

  const server = createServer((req, res) => {
    requests.push(req);
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    counts.set(path, (counts.get(path) ?? 0) + 1);
    const route = routes[path];
    if (!route) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    if (typeof route === "function") {
      Promise.resolve(route(req, res)).catch((err: unknown) => {
        if (!res.headersSent) res.writeHead(500);
        res.end(String(err));
      });
      return;
    }
    const body = route.body ?? "";
    res.writeHead(route.status ?? 200, {
      "content-length": String(Buffer.byteLength(body)),
      ...route.headers,
    });
    res.end(body);
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: (path = "/") => `http://127.0.0.1:${port}${path.startsWith("/") ? path : `/${path}`}`,
    hits: (path) => counts.get(path) ?? 0,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
