/**
 * The platform-neutral answer to a command. Adapters render it (Block Kit, embeds, terminal text); the core never
 * formats for a platform. Every statement about the news carries citations into `citations`.
 */

/** One cited article. `n` is the number shown to users ("[1]"). */
export interface Citation {
  n: number;
  articleId: string;
  source: string;
  title: string;
  url: string | null;
  publishedAt: string | null;
}

/** A line of the reply: text copied from (or about) the sources, with the citation numbers that back it. */
export interface ReplyLine {
  text: string;
  /** Citation numbers (`Citation.n`). Empty only for lines that state no news (help, counts). */
  cite: number[];
  /** When the line is a quotation: who said it. Renderers show quotes as quotes. */
  speaker?: string;
}

export interface ReplySection {
  heading?: string;
  /** A short line under the heading (sources, dates, counts). */
  subtitle?: string;
  lines: ReplyLine[];
  /** Citation numbers of every article behind the section (a story's full source list). */
  sources?: number[];
}

interface ReplyBase {
  title: string;
  /** Short text before the sections (e.g. "3 stories since 24h ago"). */
  intro?: string;
  sections: ReplySection[];
  citations: Citation[];
  /** Something the user should know about how the answer was made ("fell back to extractive"). */
  note?: string;
  /** Shown only to the caller where the platform allows it (help, usage errors). */
  ephemeral?: boolean;
}

export interface CitedSentence {
  text: string;
  articleId: string;
}

export interface BriefData {
  topic: string | null;
  since: string | null;
  stories: Array<{
    id: string;
    headline: string;
    sentences: CitedSentence[];
    articleIds: string[];
    sources: string[];
  }>;
}

export interface StanceQuote {
  text: string;
  articleId: string;
  source: string;
  url: string | null;
}

export interface StanceData {
  topic: string;
  /** Words the topic was widened with, learned from the stored articles. */
  relatedTerms: string[];
  actors: Array<{
    name: string;
    position: string;
    quotes: StanceQuote[];
    articles: number;
    sources: string[];
  }>;
}

export interface QuotesData {
  query: string;
  quotes: Array<StanceQuote & { speaker: string; publishedAt: string | null; direct: boolean }>;
}

export interface AnswerData {
  question: string;
  sentences: CitedSentence[];
}

export interface SearchData {
  query: string;
  results: Array<{
    id: string;
    title: string;
    source: string;
    publishedAt: string | null;
    url: string | null;
    snippet: string;
  }>;
}

export interface SummaryData {
  articleId: string;
  sentences: CitedSentence[];
}

export interface StoriesData {
  topic: string | null;
  stories: Array<{
    id: string;
    headline: string;
    articleIds: string[];
    sources: string[];
    start: string | null;
    end: string | null;
  }>;
}

export interface TopicsData {
  topics: Array<{ term: string; articles: number }>;
}

export interface SourcesData {
  sources: Array<{ name: string; articles: number; latest: string | null }>;
}

export interface HelpData {
  commands: Array<{ name: string; usage: string; description: string }>;
}

export interface NoCoverageData {
  query: string;
  /** Topics that do have coverage, to try instead. */
  suggestions: string[];
  articleCount: number;
}

/**
 * A status answer that states no news: a confirmation ("Subscribed #general to tariffs"), a listing of a channel's
 * setup (subscriptions, digest schedule, feeds) or progress. Its lines carry no citations.
 */
export interface NoticeData {
  /** The command that produced it, without the slash ("subscribe", "digest", "feed"). */
  command: string;
  status: "ok" | "info";
}

export type Reply =
  | (ReplyBase & { kind: "brief"; data: BriefData })
  | (ReplyBase & { kind: "stance"; data: StanceData })
  | (ReplyBase & { kind: "quotes"; data: QuotesData })
  | (ReplyBase & { kind: "answer"; data: AnswerData })
  | (ReplyBase & { kind: "search"; data: SearchData })
  | (ReplyBase & { kind: "summary"; data: SummaryData })
  | (ReplyBase & { kind: "stories"; data: StoriesData })
  | (ReplyBase & { kind: "topics"; data: TopicsData })
  | (ReplyBase & { kind: "sources"; data: SourcesData })
  | (ReplyBase & { kind: "help"; data: HelpData })
  | (ReplyBase & { kind: "no-coverage"; data: NoCoverageData })
  | (ReplyBase & { kind: "notice"; data: NoticeData })
  | (ReplyBase & { kind: "error"; message: string; usage?: string; reason: ErrorReason });

/**
 * Why a command failed: the user typed it wrong, it names nothing stored, the caller lacks the permission it needs,
 * or newsdesk failed.
 */
export type ErrorReason = "usage" | "not-found" | "forbidden" | "failed";

export type ErrorReply = Extract<Reply, { kind: "error" }>;

export function errorReply(message: string, reason: ErrorReason, usage?: string): ErrorReply {
  const reply: ErrorReply = {
    kind: "error",
    title: "Sorry",
    message,
    reason,
    sections: [],
    citations: [],
    ephemeral: true,
  };
  if (usage) reply.usage = usage;
  return reply;
}
