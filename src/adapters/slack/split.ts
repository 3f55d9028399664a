import { fitMrkdwn } from "./escape.js";
import { blockChars, LIMITS, type SlackBlock, type SlackMessage } from "./types.js";

/** Blocks that belong together (a story with its sources), and how many items (stories, lines) they show. */
export interface BlockGroup {
  blocks: SlackBlock[];
  items: number;
}

export interface PackOptions {
  /** Notification text of the first message. */
  fallback: string;
  /** Notification text of the following messages ("Briefing (continued)"). */
  continued: string;
  /** Most messages to send; what does not fit is cut with "… and N more". */
  maxMessages: number;
  /** What the items are, for "… and 3 more stories". */
  noun: string;
}

interface Draft {
  blocks: SlackBlock[];
  chars: number;
  /** Index of the last group with a block in this message. */
  lastGroup: number;
}

/** Room kept free in every message for the "… and N more" line. */
const CAP_BLOCKS = LIMITS.blocks - 1;
const CAP_CHARS = LIMITS.message - LIMITS.contextElement;

function fits(draft: Draft, blocks: SlackBlock[]): boolean {
  const chars = blocks.reduce((n, b) => n + blockChars(b), 0);
  return draft.blocks.length + blocks.length <= CAP_BLOCKS && draft.chars + chars <= CAP_CHARS;
}

function add(draft: Draft, block: SlackBlock, group: number): void {
  // A message never starts with a divider.
  if (block.type === "divider" && (draft.blocks.length === 0 || draft.blocks.at(-1)?.type === "divider"))
    return;
  draft.blocks.push(block);
  draft.chars += blockChars(block);
  draft.lastGroup = group;
}

function moreBlock(count: number, noun: string): SlackBlock {
  const text = count > 0 ? `… and ${count} more ${noun}` : "… and more";
  return { type: "context", elements: [{ type: "mrkdwn", text: fitMrkdwn(text, 200), verbatim: true }] };
}

/**
 * Lays groups of blocks out over as few messages as Slack's limits allow (50 blocks, about 12,000 characters),
 * keeping a group in one message where it fits. Past `maxMessages`, the rest is cut and counted in a last
 * "… and N more" line. Every message gets a notification `text`.
 */
export function packMessages(head: SlackBlock[], groups: BlockGroup[], options: PackOptions): SlackMessage[] {
  const drafts: Draft[] = [];
  let draft: Draft = { blocks: [], chars: 0, lastGroup: -1 };
  for (const block of head) add(draft, block, -1);
  const start = () => {
    drafts.push(draft);
    draft = { blocks: [], chars: 0, lastGroup: draft.lastGroup };
  };
  groups.forEach((group, index) => {
    const hasContent = draft.blocks.length > (drafts.length === 0 ? head.length : 0);
    // Start a group in a new message rather than split it, unless it is too big for any message.
    if (hasContent && !fits(draft, group.blocks)) start();
    for (const block of group.blocks) {
      if (!fits(draft, [block])) start();
      add(draft, block, index);
    }
  });
  drafts.push(draft);
  for (const d of drafts) while (d.blocks.at(-1)?.type === "divider") d.blocks.pop();

  const kept = drafts.filter((d) => d.blocks.length > 0).slice(0, Math.max(1, options.maxMessages));
  const last = kept.at(-1);
  if (last && kept.length < drafts.filter((d) => d.blocks.length > 0).length) {
    const hidden = groups.slice(last.lastGroup + 1).reduce((n, g) => n + g.items, 0);
    last.blocks.push(moreBlock(hidden, options.noun));
  }
  return kept.map((d, i) => ({
    text: i === 0 ? options.fallback : options.continued,
    blocks: d.blocks,
  }));
}
