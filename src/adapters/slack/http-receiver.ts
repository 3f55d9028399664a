import { type App, type Logger as BoltLogger, HTTPModuleFunctions, HTTPReceiver } from "@slack/bolt";
import { SLACK_EVENTS_PATH, type SlackConfig } from "./config.js";

/** A signed request whose body is not a slash command or an event newsdesk can read. */
class MalformedRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MalformedRequestError";
  }
}

function isHttpUrl(value: unknown): boolean {
  return typeof value === "string" && /^https?:\/\/\S+$/i.test(value);
}

/** Why `body` cannot be handled, or null when it can. */
export function malformedReason(body: unknown): string | null {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return "the body is not an object";
  const b = body as Record<string, unknown>;
  if ("command" in b) {
    if (typeof b.command !== "string" || !b.command.startsWith("/")) return "command is not a slash command";
    if (b.text !== undefined && typeof b.text !== "string") return "text is not a string";
    if (!isHttpUrl(b.response_url)) return "response_url is missing or not an http(s) URL";
    for (const field of ["user_id", "channel_id"]) {
      if (typeof b[field] !== "string" || b[field] === "") return `${field} is missing`;
    }
    return null;
  }
  if (b.type === "event_callback") {
    const event = b.event as { type?: unknown } | null | undefined;
    return typeof event === "object" && event !== null && typeof event.type === "string"
      ? null
      : "event is missing";
  }
  return typeof b.type === "string" ? null : "neither a slash command nor an event";
}

/**
 * Bolt's HTTP receiver for `/slack/events`: it checks each request's signature and timestamp (401 otherwise),
 * acknowledges at once (processBeforeResponse false) and answers a signed but malformed body with 400.
 */
export function createHttpReceiver(config: SlackConfig, logger: BoltLogger): HTTPReceiver {
  return new HTTPReceiver({
    signingSecret: config.signingSecret ?? "",
    endpoints: SLACK_EVENTS_PATH,
    port: config.port,
    logger,
    processBeforeResponse: false,
    processEventErrorHandler: async (args) => {
      if (!(args.error instanceof MalformedRequestError)) {
        return HTTPModuleFunctions.defaultProcessEventErrorHandler(args);
      }
      logger.warn(`Malformed Slack request: ${args.error.message}`);
      if (!args.response.headersSent) args.response.writeHead(400).end();
      return true;
    },
  });
}

/**
 * Puts the body check in front of the app: the receiver hands events to a gate that rejects malformed bodies
 * (answered 400 by the receiver's error handler) and passes the rest to Bolt. Call after `new App({ receiver })`,
 * which connects the receiver to the app directly.
 */
export function guardMalformed(receiver: HTTPReceiver, app: App): void {
  const gate = {
    processEvent: (event: Parameters<App["processEvent"]>[0]) => {
      const reason = malformedReason(event.body);
      return reason ? Promise.reject(new MalformedRequestError(reason)) : app.processEvent(event);
    },
  };
  receiver.init(gate as unknown as App);
}
