import type { ChannelRef } from "../../core/channel.js";
import type { Store } from "../../store/store.js";
import { type AutocompleteSource, type CommandShape, findShape } from "./command-shapes.js";
import { plainText, safeCut } from "./markdown.js";

/** One autocomplete choice: `name` is shown, `value` is what the option receives. */
export interface Choice {
  name: string;
  value: string;
}

/** Discord shows at most 25 choices, each name and value at most 100 characters. */
export const MAX_CHOICES = 25;
const MAX_CHOICE_LENGTH = 100;
/** How many stored terms to consider before filtering by what the user typed. */
const POOL = 500;

interface Candidate {
  value: string;
  /** Shown after the value, when it fits. */
  detail: string;
}

type SuggestStore = Pick<Store, "topKeywords" | "topSpeakers" | "channels" | "feeds">;

const counted = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

async function candidates(
  source: AutocompleteSource,
  store: SuggestStore,
  channel: ChannelRef | null,
): Promise<Candidate[]> {
  const topics = async () =>
    (await store.topKeywords(POOL)).map((k) => ({ value: k.term, detail: counted(k.articles, "article") }));
  switch (source) {
    case "topics":
      return topics();
    case "people-and-topics": {
      const people = (await store.topSpeakers(POOL)).map((s) => ({
        value: s.name,
        detail: counted(s.attributions, "quote"),
      }));
      return [...people, ...(await topics())];
    }
    case "subscriptions":
      if (!channel) return [];
      return (await store.channels.subscriptions(channel)).map((s) => ({
        value: s.topic,
        detail: s.alertsSince ? "with alerts" : "",
      }));
    case "feeds":
      return (await store.feeds.list()).map((f) => ({ value: f.url, detail: f.title ?? "" }));
  }
}

/** 0: the term or one of its words starts with what was typed; 1: it contains it elsewhere; -1: no match. */
function rank(term: string, typed: string): number {
  if (typed === "") return 0;
  const t = term.toLowerCase();
  if (t.startsWith(typed) || t.split(/[\s\-_'’./:]+/).some((w) => w.startsWith(typed))) return 0;
  return t.includes(typed) ? 1 : -1;
}

function label(c: Candidate): string {
  const detail = c.detail ? ` · ${c.detail}` : "";
  const name = plainText(
    c.value.length + detail.length <= MAX_CHOICE_LENGTH ? `${c.value}${detail}` : c.value,
  ).trim();
  return name.slice(0, safeCut(name, MAX_CHOICE_LENGTH));
}

/** Half of a surrogate pair: Discord refuses text that is not well-formed UTF-16. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Choices for an autocompleted option from what the store actually holds (topics, speakers, the channel's
 * subscriptions, followed feeds): those matching what the user typed (case-insensitive; word-prefix matches first,
 * then by coverage), at most 25, each within Discord's 100 characters.
 */
export async function suggest(
  source: AutocompleteSource,
  typed: string,
  store: SuggestStore,
  channel: ChannelRef | null = null,
): Promise<Choice[]> {
  const query = typed.replace(/\s+/g, " ").trim().toLowerCase();
  const seen = new Set<string>();
  const ranked: Array<{ c: Candidate; r: number; i: number }> = [];
  (await candidates(source, store, channel)).forEach((c, i) => {
    const key = c.value.toLowerCase();
    if (c.value.length > MAX_CHOICE_LENGTH || LONE_SURROGATE.test(c.value) || seen.has(key)) return;
    // A choice must show what it is (and Discord refuses an empty name).
    if (plainText(c.value).trim() === "") return;
    seen.add(key);
    const r = rank(c.value, query);
    if (r >= 0) ranked.push({ c, r, i });
  });
  ranked.sort((a, b) => a.r - b.r || a.i - b.i);
  return ranked.slice(0, MAX_CHOICES).map(({ c }) => ({ name: label(c), value: c.value }));
}

/** The autocomplete source of a command's option (inside a subcommand when given), if it has one. */
export function sourceOf(
  commandName: string,
  subcommand: string | null,
  optionName: string,
  shape: CommandShape | undefined = findShape(commandName),
): AutocompleteSource | undefined {
  const options = subcommand
    ? shape?.subcommands.find((s) => s.name === subcommand)?.options
    : (shape?.options ?? undefined);
  return options?.find((o) => o.name === optionName)?.autocomplete;
}
