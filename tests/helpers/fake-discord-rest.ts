/** The REST half of the fake Discord (see fake-discord.ts): routes under /api/v10, answered like Discord does. */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";

export const FAKE_APP_ID = "1100000000000000001";
export const FAKE_BOT_ID = "1100000000000000002";
export const FAKE_TOKEN = "fake.bot.token";
/** The bot's user object, as Discord returns it in READY and as a message's author. */
export const FAKE_BOT_USER = {
  id: FAKE_BOT_ID,
  username: "newsdesk",
  discriminator: "0",
  global_name: null,
  avatar: null,
  bot: true,
};

export interface RecordedRequest {
  method: string;
  /** Path below /api/v10, without the query string ("/interactions/…/callback"). */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body (null when none). */
  body: unknown;
  status: number;
  at: number;
}

export interface RateLimitRule {
  method: string;
  path: RegExp;
  /** Seconds, sent as the Retry-After header and `retry_after`. */
  retryAfter: number;
  times: number;
}

export interface RestState {
  gatewayUrl: string;
  rateLimits: RateLimitRule[];
  nextId: number;
  /** Interaction tokens past their 15 minutes: callbacks and webhook calls with them get 401. */
  expiredTokens: Set<string>;
}

const PREFIX = "/api/v10";

function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

function snowflake(state: RestState): string {
  return String(1200000000000000000n + BigInt(state.nextId++));
}

/** A message object as Discord returns it for a send or an edit. */
function message(state: RestState, channelId: string, body: Record<string, unknown> | null, id?: string) {
  return {
    id: id ?? snowflake(state),
    channel_id: channelId,
    type: 0,
    content: body?.content ?? "",
    embeds: body?.embeds ?? [],
    author: FAKE_BOT_USER,
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    flags: body?.flags ?? 0,
    components: [],
    webhook_id: FAKE_APP_ID,
  };
}

type Handler = (
  m: RegExpMatchArray,
  body: Record<string, unknown> | null,
  state: RestState,
) => { status: number; body?: unknown; auth?: boolean };

/** [method, path pattern, handler]; `auth` routes need the bot token, like Discord's. */
const ROUTES: Array<[string, RegExp, Handler]> = [
  [
    "GET",
    /^\/gateway\/bot$/,
    (_m, _b, state) => ({
      status: 200,
      auth: true,
      body: {
        url: state.gatewayUrl,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
      },
    }),
  ],
  [
    "PUT",
    /^\/applications\/(\d+)\/(?:guilds\/(\d+)\/)?commands$/,
    (m, body, state) => ({
      status: 200,
      auth: true,
      body: (Array.isArray(body) ? body : []).map((c: Record<string, unknown>) => ({
        ...c,
        id: snowflake(state),
        application_id: m[1],
        version: snowflake(state),
        ...(m[2] ? { guild_id: m[2] } : {}),
      })),
    }),
  ],
  ["POST", /^\/interactions\/(\d+)\/([^/]+)\/callback$/, () => ({ status: 204 })],
  [
    "PATCH",
    /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/,
    (_m, b, s) => ({ status: 200, body: message(s, "0", b) }),
  ],
  ["DELETE", /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/, () => ({ status: 204 })],
  ["POST", /^\/webhooks\/(\d+)\/([^/]+)$/, (_m, b, s) => ({ status: 200, body: message(s, "0", b) })],
  [
    "POST",
    /^\/channels\/(\d+)\/messages$/,
    (m, b, s) => ({ status: 200, auth: true, body: message(s, m[1] ?? "0", b) }),
  ],
  [
    "PATCH",
    /^\/channels\/(\d+)\/messages\/(\d+)$/,
    (m, b, s) => ({ status: 200, auth: true, body: message(s, m[1] ?? "0", b, m[2]) }),
  ],
];

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (text === "") return null;
  return String(req.headers["content-type"]).includes("json") ? JSON.parse(text) : text;
}

export function handleRest(
  req: IncomingMessage,
  res: ServerResponse,
  state: RestState,
  record: (r: RecordedRequest) => void,
): void {
  void (async () => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const method = req.method ?? "GET";
    const pathname = decodeURIComponent(url.pathname);
    const path = pathname.startsWith(PREFIX) ? pathname.slice(PREFIX.length) : pathname;
    const body = await readBody(req);
    const done = (status: number) =>
      record({ method, path, query: url.searchParams, headers: req.headers, body, status, at: Date.now() });

    const limit = state.rateLimits.find((r) => r.method === method && r.path.test(path) && r.times > 0);
    if (limit) {
      limit.times--;
      done(429);
      json(
        res,
        429,
        { message: "You are being rate limited.", retry_after: limit.retryAfter, global: false, code: 0 },
        { "retry-after": String(limit.retryAfter), "x-ratelimit-scope": "user" },
      );
      return;
    }
    const token = /^\/(?:interactions\/\d+|webhooks\/\d+)\/([^/]+)/.exec(path)?.[1];
    if (token && state.expiredTokens.has(token)) {
      done(401);
      json(res, 401, { message: "Invalid Webhook Token", code: 50027 });
      return;
    }
    for (const [m, pattern, handler] of ROUTES) {
      const match = m === method ? pattern.exec(path) : null;
      if (!match) continue;
      const answer = handler(match, body as Record<string, unknown> | null, state);
      if (answer.auth && req.headers.authorization !== `Bot ${FAKE_TOKEN}`) {
        done(401);
        json(res, 401, { message: "401: Unauthorized", code: 0 });
        return;
      }
      done(answer.status);
      if (answer.status === 204) res.writeHead(204).end();
      else json(res, answer.status, answer.body);
      return;
    }
    done(404);
    json(res, 404, { message: "404: Not Found", code: 0 });
  })();
}
