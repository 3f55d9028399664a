import { createInterface } from "node:readline/promises";
import type { Readable, Writable } from "node:stream";
import type { CoreDeps } from "../../core/deps.js";
import { handleCommand } from "../../core/engine.js";
import { renderText } from "./render.js";

export interface ReplOptions {
  input: Readable;
  output: Writable;
  /** Terminal width, for wrapping. */
  columns?: number;
  /** Loads the demo corpus; returns a one-line report. Offered when the store is empty. */
  loadDemo?: () => Promise<string>;
  /** Load the demo corpus without asking. */
  demo?: boolean;
}

const BANNER = `newsdesk: cited news briefings from your own articles.
Type /help for the commands, /quit to leave. Try /brief, /stories, /stance <topic> or /ask <question>.`;

/** The terminal adapter: a prompt where users type the same slash commands as in Slack or Discord. */
export async function runRepl(deps: CoreDeps, options: ReplOptions): Promise<void> {
  const tty = (options.input as { isTTY?: boolean }).isTTY === true;
  const rl = createInterface({ input: options.input, output: options.output, terminal: tty });
  // Take lines through one iterator from the start, so lines typed (or piped) while newsdesk works are kept.
  const lines = rl[Symbol.asyncIterator]();
  const write = (s: string) => options.output.write(s);
  write(`${BANNER}\n`);
  try {
    if (options.loadDemo && (await deps.store.countArticles()) === 0) {
      let load = options.demo === true;
      if (!load) {
        write("The store is empty. Load the demo articles from articles/? [Y/n] ");
        const answer = await lines.next();
        load = answer.done !== true && !/^\s*n/i.test(answer.value);
      }
      if (load) write(`${await options.loadDemo()}\n`);
    }
    for (;;) {
      write("\nnewsdesk> ");
      const next = await lines.next();
      if (next.done) break;
      const text = next.value.trim();
      if (/^\/?(quit|exit|q)$/i.test(text)) break;
      if (text === "") continue;
      const reply = await handleCommand(text, { platform: "console", canManageChannel: true }, deps);
      write(`\n${renderText(reply, { width: options.columns ?? 88 })}`);
    }
  } finally {
    rl.close();
  }
  write("\n");
}
