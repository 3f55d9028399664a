/**
 * A local stand-in for Slack: the Web API methods newsdesk calls (under /api/), a response_url that captures what
 * it is sent (/response?id=…), and a Socket Mode WebSocket server that `apps.connections.open` hands out.
 */
import { createHmac } from "node:crypto";
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";
import { type LocalServer, type RouteHandler, startLocalServer } from "./local-server.js";

export const BOT_TOKEN = "xoxb-test-bot-token";
export const APP_TOKEN = "xapp-test-app-token";
export const SIGNING_SECRET = "test-signing-secret-8f2c";
export const BOT_USER = "UBOT0001";
export const TEAM = "T0TEAM01";
/** A channel the bot was never invited to: chat.postMessage answers not_in_channel. */
export const NOT_IN_CHANNEL = "C0NOTIN1";

const METHODS = [
  "auth.test",
  "apps.connections.open",
  "chat.postMessage",
  "chat.update",
  "chat.postEphemeral",
  "chat.delete",
  "users.info",
];

/** A JSON body of any shape, as the tests read it. */
// biome-ignore lint/suspicious/noExplicitAny: test captures are read loosely
export type Json = any;

export interface ApiCall {
  method: string;
  body: Record<string, Json>;
  headers: IncomingHttpHeaders;
  /** What the fake answered (absent for a canned failure). */
  answer?: Json;
}

export interface ResponsePost {
  id: string;
  body: Json;
}

/** A canned failure: the next `times` requests to the method (or "response") get this status. */
interface Failure {
  status: number;
  headers: Record<string, string>;
  times: number;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** The WebClient posts form-encoded bodies with nested values (blocks) as JSON strings. */
function parseApiBody(raw: string, type: string | undefined): Record<string, Json> {
  if (type?.includes("application/json")) return raw ? JSON.parse(raw) : {};
  const out: Record<string, Json> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    out[k] = /^[[{]/.test(v) ? JSON.parse(v) : v;
  }
  return out;
}

export class FakeSlack {
  readonly calls: ApiCall[] = [];
  readonly responses: ResponsePost[] = [];
  /** users.info answers: user id → flags. Unknown users get user_not_found. */
  readonly users = new Map<string, { is_admin?: boolean; is_owner?: boolean }>();
  /** Messages the app sent over the Socket Mode connection. */
  readonly socketMessages: Json[] = [];
  /** Socket Mode connections accepted so far. */
  connections = 0;
  private readonly failures = new Map<string, Failure[]>();
  private ts = 1_700_000_000;
  private http!: LocalServer;
  private wss?: WebSocketServer;
  private socket?: WebSocket;

  static async start(): Promise<FakeSlack> {
    const fake = new FakeSlack();
    const routes: Record<string, RouteHandler> = { "/response": (req, res) => fake.onResponse(req, res) };
    for (const method of METHODS) routes[`/api/${method}`] = (req, res) => fake.api(method, req, res);
    fake.http = await startLocalServer(routes);
    return fake;
  }

  get apiUrl(): string {
    return this.http.url("/api/");
  }

  responseUrl(id: string): string {
    return this.http.url(`/response?id=${encodeURIComponent(id)}`);
  }

  /** Makes the next `times` calls to `method` ("chat.postMessage", or "response" for the response_url) fail. */
  fail(method: string, status: number, headers: Record<string, string> = {}, times = 1): void {
    const list = this.failures.get(method) ?? [];
    list.push({ status, headers, times });
    this.failures.set(method, list);
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  responsesTo(id: string): Json[] {
    return this.responses.filter((r) => r.id === id).map((r) => r.body);
  }

  /** Resolves once `check` returns a truthy value; fails after `timeoutMs`. */
  async waitFor<T>(check: () => T | undefined | false, timeoutMs = 5000): Promise<T> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value) return value;
      if (Date.now() > until) throw new Error(`fake Slack: condition not met within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  private takeFailure(method: string): Failure | undefined {
    const list = this.failures.get(method);
    const first = list?.[0];
    if (!list || !first) return undefined;
    first.times--;
    if (first.times <= 0) list.shift();
    return first;
  }

  private onResponse(req: IncomingMessage, res: ServerResponse): Promise<void> {
    return readBody(req).then((raw) => {
      const failure = this.takeFailure("response");
      if (failure) {
        res.writeHead(failure.status, failure.headers).end("busy");
        return;
      }
      const id = new URL(req.url ?? "/", "http://x").searchParams.get("id") ?? "";
      this.responses.push({ id, body: JSON.parse(raw) });
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    });
  }

  private async api(method: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = parseApiBody(await readBody(req), req.headers["content-type"]);
    const call: ApiCall = { method, body, headers: req.headers };
    this.calls.push(call);
    const failure = this.takeFailure(method);
    if (failure) {
      res.writeHead(failure.status, { "content-type": "application/json", ...failure.headers });
      res.end(JSON.stringify({ ok: false, error: "ratelimited" }));
      return;
    }
    const answer = this.answer(method, body, req.headers.authorization ?? "");
    call.answer = answer;
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer));
  }

  private answer(method: string, body: Record<string, Json>, auth: string): Json {
    const token = auth.replace(/^Bearer /, "");
    if (method === "apps.connections.open") {
      if (token !== APP_TOKEN || !this.wss) return { ok: false, error: "invalid_auth" };
      const { port } = this.wss.address() as AddressInfo;
      return { ok: true, url: `ws://127.0.0.1:${port}/link` };
    }
    if (token !== BOT_TOKEN) return { ok: false, error: "invalid_auth" };
    switch (method) {
      case "auth.test":
        return {
          ok: true,
          user_id: BOT_USER,
          bot_id: "BBOT0001",
          team_id: TEAM,
          team: "Test",
          user: "newsdesk",
        };
      case "chat.postMessage":
        if (body.channel === NOT_IN_CHANNEL) return { ok: false, error: "not_in_channel" };
        return { ok: true, channel: body.channel, ts: `${++this.ts}.000100` };
      case "chat.update":
        return { ok: true, channel: body.channel, ts: body.ts };
      case "chat.postEphemeral":
        return { ok: true, message_ts: `${++this.ts}.000200` };
      case "chat.delete":
        return { ok: true, channel: body.channel, ts: body.ts };
      case "users.info": {
        const user = this.users.get(String(body.user));
        return user ? { ok: true, user: { id: body.user, ...user } } : { ok: false, error: "user_not_found" };
      }
      default:
        return { ok: false, error: "unknown_method" };
    }
  }

  /** Starts the Socket Mode server: it greets each connection with `hello` and records what it is sent. */
  async startSocket(): Promise<void> {
    this.wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
    await new Promise<void>((resolve) => this.wss?.once("listening", () => resolve()));
    this.wss.on("connection", (socket) => {
      this.socket = socket;
      this.connections++;
      socket.on("message", (data) => this.socketMessages.push(JSON.parse(String(data))));
      socket.send(
        JSON.stringify({ type: "hello", num_connections: 1, connection_info: { app_id: "A0TEST" } }),
      );
    });
  }

  /** Asks the connected app to reconnect, as Slack does before it rotates a connection. */
  sendDisconnect(): void {
    this.sendEnvelope({ type: "disconnect", reason: "refresh_requested" });
  }

  /** WebSocket connections still open. */
  openSockets(): number {
    return [...(this.wss?.clients ?? [])].filter((c) => c.readyState === c.OPEN).length;
  }

  /** Sends an envelope to the connected app. */
  sendEnvelope(envelope: Json): void {
    if (!this.socket) throw new Error("fake Slack: no Socket Mode connection");
    this.socket.send(JSON.stringify(envelope));
  }

  async close(): Promise<void> {
    for (const client of this.wss?.clients ?? []) client.terminate();
    await new Promise<void>((resolve) => (this.wss ? this.wss.close(() => resolve()) : resolve()));
    await this.http.close();
  }
}

/** Headers Slack would send with `body`, signed with `secret` at `timestamp` (seconds). */
export function slackSignature(
  body: string,
  timestamp: number,
  secret = SIGNING_SECRET,
): Record<string, string> {
  const hmac = createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex");
  return { "x-slack-request-timestamp": String(timestamp), "x-slack-signature": `v0=${hmac}` };
}
