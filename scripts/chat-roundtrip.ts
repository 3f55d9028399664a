/**
 * Chat round trips through the real @slack/bolt and discord.js against the local stand-ins used by the tests:
 * how long Slack's HTTP acknowledgement takes, and how long until the answer reaches the response_url / the
 * interaction callback. Usage: npx tsx scripts/chat-roundtrip.ts [--db PATH] [--runs N]
 * Without --db it uses the demo corpus in memory. Prints p50/p99 in ms.
 */
import { parseArgs } from "node:util";
import type { CoreDeps } from "../src/core/deps.js";
import { silentLogger } from "../src/logger.js";
import { openStore } from "../src/store/open-store.js";
import { demoDeps } from "../tests/helpers/demo-store.js";
import { startBot } from "../tests/helpers/discord-bot.js";
import { startFakeDiscord } from "../tests/helpers/fake-discord.js";
import { FakeSlack } from "../tests/helpers/fake-slack.js";
import { postToApp, slashBody, startTestApp } from "../tests/helpers/slack-app.js";

const { values } = parseArgs({
  options: { db: { type: "string" }, runs: { type: "string", default: "40" } },
});
const runs = Number(values.runs);
const COMMANDS: Array<[string, string, Array<{ name: string; type: number; value: string }>]> = [
  ["brief", "", []],
  ["stance", "sovereignty", [{ name: "topic", type: 3, value: "sovereignty" }]],
  [
    "ask",
    "How many soldiers were offered?",
    [{ name: "question", type: 3, value: "How many soldiers were offered?" }],
  ],
];

function pct(xs: number[], p: number): string {
  const s = [...xs].sort((a, b) => a - b);
  return (s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN).toFixed(1);
}

async function deps(): Promise<CoreDeps> {
  if (!values.db) return demoDeps();
  return { store: await openStore(values.db), now: () => new Date(), logger: silentLogger };
}

const d = await deps();
console.log(
  `store: ${values.db ?? "demo corpus"} (${await d.store.countArticles()} articles), ${runs} runs each`,
);

const slack = await FakeSlack.start();
const app = await startTestApp(slack, d);
for (const [name, text] of COMMANDS) {
  const acks: number[] = [];
  const answers: number[] = [];
  for (let i = 0; i < runs; i++) {
    const id = `${name}-${i}`;
    const started = performance.now();
    const res = await postToApp(app, slashBody(`/${name}`, text, slack.responseUrl(id)));
    acks.push(res.ms);
    await slack.waitFor(() => slack.responsesTo(id)[0], 30_000);
    answers.push(performance.now() - started);
  }
  console.log(
    `slack   /${name.padEnd(7)} ack p50 ${pct(acks, 50)} p99 ${pct(acks, 99)} · answer p50 ${pct(answers, 50)} p99 ${pct(answers, 99)}`,
  );
}
await app.adapter.stop();
await slack.close();

const discord = await startFakeDiscord();
const bot = await startBot(discord, d, { deferAfterMs: 1500 });
for (const [name, , options] of COMMANDS) {
  const answers: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const { token } = discord.interact({ name, options });
    await discord.waitForRequest((r) => r.path.endsWith(`/${token}/callback`), 30_000);
    answers.push(performance.now() - started);
  }
  console.log(`discord /${name.padEnd(7)} reply p50 ${pct(answers, 50)} p99 ${pct(answers, 99)}`);
}
await bot.stop();
await discord.close();
await d.store.close();
