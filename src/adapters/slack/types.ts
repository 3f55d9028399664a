/** The few Block Kit shapes newsdesk sends, and Slack's limits for them. */

export interface PlainText {
  type: "plain_text";
  text: string;
  emoji?: boolean;
}

export interface Mrkdwn {
  type: "mrkdwn";
  text: string;
  /** true: Slack does not auto-link bare URLs, #channel names or @mentions in the text. */
  verbatim?: boolean;
}

export type SlackBlock =
  | { type: "header"; text: PlainText }
  | { type: "section"; text: Mrkdwn }
  | { type: "context"; elements: Mrkdwn[] }
  | { type: "divider" };

/** One Slack message: blocks, and the plain `text` shown in notifications and by clients without blocks. */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

/** Slack's documented limits, and the budgets newsdesk keeps under them. */
export const LIMITS = {
  /** Blocks in one message. */
  blocks: 50,
  /** Characters of a header's plain_text. */
  header: 150,
  /** Characters of a section's text. */
  section: 3000,
  /** Elements of a context block. */
  contextElements: 10,
  /** Characters of one context element's label (Slack allows more; labels are kept short). */
  contextElement: 500,
  /** Characters of one context element with its link. */
  linkedElement: 2000,
  /** Characters across the elements of one context block, so that long links spread over several blocks. */
  contextBlock: 6000,
  /** Characters of text across all blocks of one message (Slack's is about 12,000; kept below). */
  message: 11_000,
  /** Characters of the notification `text`. */
  fallback: 500,
} as const;

/** The characters of text a block holds, as counted against `LIMITS.message`. */
export function blockChars(block: SlackBlock): number {
  switch (block.type) {
    case "header":
    case "section":
      return block.text.text.length;
    case "context":
      return block.elements.reduce((n, e) => n + e.text.length, 0);
    case "divider":
      return 0;
  }
}
