import type { Citation, ErrorReply, Reply, ReplyLine, ReplySection } from "../../core/reply.js";
import { slackUsage, UMBRELLA } from "./command-names.js";
import { cleanText, fitMrkdwn, fitPlain, link } from "./escape.js";
import { type BlockGroup, packMessages } from "./split.js";
import { LIMITS, type Mrkdwn, type SlackBlock, type SlackMessage } from "./types.js";

export interface RenderOptions {
  /** Most messages the reply may take; the rest is cut with "… and N more". Default 3. */
  maxMessages?: number;
}

/** Longest rendered line of a reply (a sentence, a quote, a snippet). */
const MAX_LINE = 1500;
const MAX_HEADING = 300;
/** Source links listed under a story, and at the end of a reply. */
const SECTION_LINKS = LIMITS.contextElements - 1;
const FOOTER_BLOCKS = 3;

/** What "… and N more" counts, per kind of reply. */
const NOUNS: Record<Reply["kind"], string> = {
  brief: "stories",
  stories: "stories",
  search: "results",
  stance: "people",
  quotes: "quotes",
  answer: "sentences",
  summary: "sentences",
  topics: "topics",
  sources: "sources",
  help: "commands",
  "no-coverage": "lines",
  notice: "lines",
  error: "lines",
};

const mrkdwn = (text: string): Mrkdwn => ({ type: "mrkdwn", text, verbatim: true });
const section = (text: string): SlackBlock => ({ type: "section", text: mrkdwn(text) });
/** Context blocks for `texts`: at most ten elements each, and long links spread so no block gets too big. */
function contextBlocks(texts: string[]): SlackBlock[] {
  const blocks: SlackBlock[] = [];
  let elements: Mrkdwn[] = [];
  let chars = 0;
  for (const text of texts.filter((t) => t.trim() !== "")) {
    if (
      elements.length >= LIMITS.contextElements ||
      (elements.length > 0 && chars + text.length > LIMITS.contextBlock)
    ) {
      blocks.push({ type: "context", elements });
      elements = [];
      chars = 0;
    }
    elements.push(mrkdwn(text));
    chars += text.length;
  }
  if (elements.length > 0) blocks.push({ type: "context", elements });
  return blocks;
}

/** Citation numbers without links: "[1][2]". */
const plainMarks = (cite: number[]): string => cite.map((n) => `[${n}]`).join("");

/** Where a title would be empty (only invisible characters), this shows instead. */
const UNTITLED = "newsdesk";

class Renderer {
  private readonly byNumber: Map<number, Citation>;
  /** Citations already linked under a story, so the footer lists only the others. */
  private readonly listed = new Set<number>();

  constructor(private readonly reply: Reply) {
    this.byNumber = new Map(reply.citations.map((c) => [c.n, c]));
  }

  private marks(cite: number[]): string {
    return cite.map((n) => link(this.byNumber.get(n)?.url, `[${n}]`)).join("");
  }

  private sourceLink(n: number): string {
    const c = this.byNumber.get(n);
    if (!c) return `[${n}]`;
    const source = c.source && c.source !== "unknown" ? `${c.source}: ` : "";
    return link(c.url, `[${n}] ${source}${c.title}`, LIMITS.contextElement - 20, LIMITS.linkedElement);
  }

  private line(l: ReplyLine): string {
    const text = fitMrkdwn(l.text, MAX_LINE);
    const speaker = l.speaker ? fitMrkdwn(l.speaker, 120) : "";
    const body = l.speaker ? `“${text}”${speaker ? ` — _${speaker}_` : ""}` : text;
    const line = `• ${body}`;
    // Long citation links could push the line past a section's limit: then the numbers go without links.
    let marks = this.marks(l.cite);
    if (line.length + 1 + marks.length > LIMITS.section) {
      marks = fitMrkdwn(plainMarks(l.cite), LIMITS.section - line.length - 1);
    }
    return marks ? `${line} ${marks}` : line;
  }

  /** Lines spread over section blocks of at most 3,000 characters: one group each, so a cut can fall between. */
  private lineGroups(first: string | null, lines: string[]): BlockGroup[] {
    const groups: BlockGroup[] = [];
    let text = first ?? "";
    let items = 0;
    for (const l of lines) {
      if (text && text.length + 1 + l.length > LIMITS.section) {
        groups.push({ blocks: [section(text)], items });
        text = "";
        items = 0;
      }
      text = text ? `${text}\n${l}` : l;
      items++;
    }
    if (text) groups.push({ blocks: [section(text)], items });
    return groups;
  }

  /** A story (or result, or person): its heading and lines, then its subtitle and source links in small print. */
  private headedSection(s: ReplySection, divider: boolean): BlockGroup {
    const heading = fitMrkdwn(s.heading ?? "", MAX_HEADING);
    const blocks = this.lineGroups(
      heading ? `*${heading}*` : null,
      s.lines.map((l) => this.line(l)),
    ).flatMap((g) => g.blocks);
    const small: string[] = [];
    const subtitle = fitMrkdwn(s.subtitle ?? "", LIMITS.contextElement);
    if (subtitle) small.push(subtitle);
    const sources = s.sources ?? [];
    const room = SECTION_LINKS - small.length;
    const shown = sources.length > room + 1 ? sources.slice(0, room) : sources;
    for (const n of shown) {
      small.push(this.sourceLink(n));
      this.listed.add(n);
    }
    if (shown.length < sources.length) small.push(`… and ${sources.length - shown.length} more sources`);
    blocks.push(...contextBlocks(small));
    return { blocks: divider ? [{ type: "divider" }, ...blocks] : blocks, items: 1 };
  }

  private sectionGroups(): BlockGroup[] {
    const groups: BlockGroup[] = [];
    const headed = this.reply.sections.filter((s) => s.heading).length;
    for (const s of this.reply.sections) {
      if (s.heading) {
        groups.push(this.headedSection(s, headed > 1 && groups.some((g) => g.items > 0)));
      } else {
        const lines = this.reply.kind === "help" ? this.helpLines() : s.lines.map((l) => this.line(l));
        groups.push(...this.lineGroups(null, lines));
      }
    }
    return groups;
  }

  private helpLines(): string[] {
    if (this.reply.kind !== "help") return [];
    return this.reply.data.commands.map(
      (c) => `• \`${fitMrkdwn(slackUsage(c.usage), 200)}\` ${fitMrkdwn(c.description, 400)}`,
    );
  }

  /** The citations not linked under a story, in context blocks of up to ten links. */
  private footer(): BlockGroup[] {
    const rest = this.reply.citations.filter((c) => !this.listed.has(c.n)).map((c) => c.n);
    if (rest.length === 0) return [];
    const capacity = FOOTER_BLOCKS * LIMITS.contextElements - 1;
    const shown = rest.length > capacity + 1 ? rest.slice(0, capacity) : rest;
    const texts = ["*Sources*", ...shown.map((n) => this.sourceLink(n))];
    if (shown.length < rest.length) texts.push(`… and ${rest.length - shown.length} more sources`);
    return [{ blocks: contextBlocks(texts), items: 0 }];
  }

  groups(): BlockGroup[] {
    const groups: BlockGroup[] = [];
    const intro = fitMrkdwn(this.reply.intro ?? "", LIMITS.section);
    if (intro) groups.push({ blocks: [section(intro)], items: 0 });
    groups.push(...this.sectionGroups());
    if (this.reply.kind === "help") {
      groups.push({
        blocks: contextBlocks([`Every command also works as \`/${UMBRELLA} &lt;command&gt; …\`.`]),
        items: 0,
      });
    }
    const note = fitMrkdwn(this.reply.note ?? "", LIMITS.contextElement);
    if (note) groups.push({ blocks: contextBlocks([note]), items: 0 });
    groups.push(...this.footer());
    return groups;
  }
}

function errorGroups(reply: ErrorReply): BlockGroup[] {
  const blocks: SlackBlock[] = [section(`:warning: ${fitMrkdwn(reply.message, LIMITS.section - 20)}`)];
  if (reply.usage) {
    const usage = `Usage: ${slackUsage(reply.usage.replace(/^Usage: /, ""))}`;
    blocks.push(...contextBlocks([fitMrkdwn(usage, 400)]));
  }
  return [{ blocks, items: 0 }];
}

function fallbackText(reply: Reply): string {
  const lead = reply.kind === "error" ? reply.message : reply.intro;
  const title = cleanText(reply.title) || UNTITLED;
  return fitMrkdwn(lead && cleanText(lead) ? `${title}: ${lead}` : title, LIMITS.fallback);
}

/**
 * A Reply as Slack messages in Block Kit: a header, sections in mrkdwn with citation links, a context line of
 * sources under each story, dividers between stories. Within Slack's limits; long replies take several messages
 * (at most `maxMessages`) and are then cut with "… and N more". All content is escaped.
 */
export function renderReply(reply: Reply, options: RenderOptions = {}): SlackMessage[] {
  const head: SlackBlock[] =
    reply.kind === "error"
      ? []
      : [
          {
            type: "header",
            text: {
              type: "plain_text",
              text: fitPlain(reply.title, LIMITS.header) || UNTITLED,
              emoji: false,
            },
          },
        ];
  const groups = reply.kind === "error" ? errorGroups(reply) : new Renderer(reply).groups();
  return packMessages(head, groups, {
    fallback: fallbackText(reply),
    continued: fitMrkdwn(`${cleanText(reply.title) || UNTITLED} (continued)`, LIMITS.fallback),
    maxMessages: options.maxMessages ?? 3,
    noun: NOUNS[reply.kind],
  });
}
