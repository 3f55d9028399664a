/**
 * A local stand-in for Discord: the REST API under /api/v10 (gateway info, command registration, interaction
 * callbacks, webhook edits and follow-ups, channel messages) and the gateway WebSocket (HELLO, IDENTIFY → READY,
 * heartbeats → ACK, RESUME → RESUMED, dispatches). Both on 127.0.0.1, for discord.js to talk to through
 * DISCORD_API_URL. It records every request and gateway frame for tests to assert on.
 */
import { EventEmitter } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";
import { type InteractionInput, interactionPayload } from "./fake-discord-payloads.js";
import {
  FAKE_APP_ID,
  FAKE_BOT_USER,
  handleRest,
  type RateLimitRule,
  type RecordedRequest,
  type RestState,
} from "./fake-discord-rest.js";

export { FAKE_APP_ID, FAKE_TOKEN, type RecordedRequest } from "./fake-discord-rest.js";

export interface GatewayFrame {
  op: number;
  d: unknown;
  t?: string | null;
  s?: number | null;
}

export interface FakeDiscordOptions {
  heartbeatIntervalMs?: number;
  /** Answer RESUME with RESUMED (default) or with INVALID_SESSION, forcing a new IDENTIFY. */
  acceptResume?: boolean;
  /** What GET /gateway/bot hands out instead of the fake's own gateway (e.g. an address nothing listens on). */
  gatewayUrl?: string;
}

export interface FakeDiscord {
  /** The value for DISCORD_API_URL. */
  apiUrl: string;
  requests: RecordedRequest[];
  /** Frames the client sent over the gateway. */
  frames: GatewayFrame[];
  /** The URL (path and query) of each gateway connection, in order. */
  upgrades: string[];
  /** Gateway connections opened so far. */
  connections(): number;
  rateLimit(rule: Omit<RateLimitRule, "times"> & { times?: number }): void;
  waitForRequest(match: (r: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  waitForFrame(match: (f: GatewayFrame) => boolean, timeoutMs?: number): Promise<GatewayFrame>;
  /** Sends a dispatch (op 0) on the open gateway connection. */
  dispatch(t: string, d: unknown): void;
  /** Sends an INTERACTION_CREATE for a command (or an autocomplete request); returns its id and token. */
  interact(input: InteractionInput): { id: string; token: string };
  /** Makes an interaction token expire, as Discord does 15 minutes after the interaction. */
  expireToken(token: string): void;
  /** Drops the gateway connection without a close frame, as a network failure would. */
  dropConnection(): void;
  close(): Promise<void>;
}

function waiter<T>(
  emitter: EventEmitter,
  event: string,
  seen: T[],
  match: (x: T) => boolean,
  timeoutMs: number,
): Promise<T> {
  const found = seen.find(match);
  if (found) return Promise.resolve(found);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      emitter.off(event, listener);
      reject(new Error(`fake discord: no matching ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (x: T) => {
      if (!match(x)) return;
      clearTimeout(timer);
      emitter.off(event, listener);
      resolve(x);
    };
    emitter.on(event, listener);
  });
}

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const events = new EventEmitter();
  const requests: RecordedRequest[] = [];
  const frames: GatewayFrame[] = [];
  const state: RestState = { gatewayUrl: "", rateLimits: [], nextId: 1, expiredTokens: new Set() };
  const server = createServer((req, res) => {
    handleRest(req, res, state, (r) => {
      requests.push(r);
      events.emit("request", r);
    });
  });
  const wss = new WebSocketServer({ server, path: "/gateway" });
  let socket: WebSocket | null = null;
  let connections = 0;
  let seq = 0;
  let sessions = 0;
  const send = (frame: GatewayFrame) => socket?.send(JSON.stringify(frame));
  const dispatch = (t: string, d: unknown) => send({ op: 0, t, s: ++seq, d });

  const upgrades: string[] = [];
  wss.on("connection", (ws, req) => {
    upgrades.push(req.url ?? "");
    socket = ws;
    connections++;
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: options.heartbeatIntervalMs ?? 1000 } }));
    ws.on("message", (raw) => {
      const frame = JSON.parse(String(raw)) as GatewayFrame;
      frames.push(frame);
      events.emit("frame", frame);
      if (frame.op === 1) ws.send(JSON.stringify({ op: 11 }));
      if (frame.op === 2) {
        dispatch("READY", {
          v: 10,
          user: FAKE_BOT_USER,
          guilds: [],
          session_id: `fake-session-${++sessions}`,
          resume_gateway_url: state.gatewayUrl,
          shard: [0, 1],
          application: { id: FAKE_APP_ID, flags: 0 },
        });
      }
      if (frame.op === 6) {
        if (options.acceptResume === false) ws.send(JSON.stringify({ op: 9, d: false }));
        else dispatch("RESUMED", {});
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  state.gatewayUrl = options.gatewayUrl ?? `ws://127.0.0.1:${port}/gateway`;

  return {
    apiUrl: `http://127.0.0.1:${port}/api`,
    requests,
    frames,
    upgrades,
    connections: () => connections,
    rateLimit: (rule) => state.rateLimits.push({ times: 1, ...rule }),
    waitForRequest: (match, timeoutMs = 5000) => waiter(events, "request", requests, match, timeoutMs),
    waitForFrame: (match, timeoutMs = 5000) => waiter(events, "frame", frames, match, timeoutMs),
    dispatch,
    interact: (input) => {
      const { id, token, d } = interactionPayload(input);
      dispatch("INTERACTION_CREATE", d);
      return { id, token };
    },
    expireToken: (token) => state.expiredTokens.add(token),
    dropConnection: () => socket?.terminate(),
    close: async () => {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
