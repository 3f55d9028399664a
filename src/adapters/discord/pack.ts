import type { APIEmbed } from "discord.js";
import { truncate } from "./markdown.js";

/** A unit of embed content: a paragraph of description (≤ 1,024 chars) or a field (name ≤ 256, value ≤ 1,024). */
export type Piece = { type: "text"; text: string } | { type: "field"; name: string; value: string };

/** Consecutive embeds that belong together: the first carries the title, the rest continue it. */
export interface EmbedGroup {
  title: string;
  color: number;
  pieces: Piece[];
}

const EMBEDS_PER_MESSAGE = 10;
const TOTAL_PER_MESSAGE = 6000;
const DESCRIPTION = 4096;
const FIELDS = 25;
/** Room kept free in every message for the footer, so adding it can never break the 6,000 limit. */
const FOOTER_RESERVE = 400;
const BUDGET = TOTAL_PER_MESSAGE - FOOTER_RESERVE;

function cost(piece: Piece): number {
  return piece.type === "text" ? piece.text.length + 1 : piece.name.length + piece.value.length;
}

function fits(embed: APIEmbed, piece: Piece): boolean {
  if (piece.type === "field") return (embed.fields?.length ?? 0) < FIELDS;
  // Description text shows above fields: once an embed has fields, further text goes into a new embed.
  return !embed.fields?.length && (embed.description?.length ?? 0) + cost(piece) <= DESCRIPTION;
}

function add(embed: APIEmbed, piece: Piece): void {
  if (piece.type === "field") {
    embed.fields = [...(embed.fields ?? []), { name: piece.name, value: piece.value }];
  } else {
    embed.description = embed.description ? `${embed.description}\n${piece.text}` : piece.text;
  }
}

/**
 * Packs groups of pieces into messages of embeds within Discord's limits: 10 embeds and 6,000 characters per
 * message, 4,096 per description, 25 fields per embed. At most `maxMessages` messages: the rest is cut and the
 * footer says so. The footer goes on the very last embed.
 */
export function packEmbeds(groups: EmbedGroup[], footer: string, maxMessages: number): APIEmbed[][] {
  const messages: APIEmbed[][] = [];
  let size = 0;
  let current: APIEmbed | null = null;

  const open = (group: EmbedGroup, withTitle: boolean, need: number): APIEmbed => {
    const title = withTitle ? group.title : "";
    let message = messages[messages.length - 1];
    if (!message || message.length >= EMBEDS_PER_MESSAGE || size + title.length + need > BUDGET) {
      message = [];
      messages.push(message);
      size = 0;
    }
    const embed: APIEmbed = { color: group.color };
    if (title) embed.title = title;
    size += title.length;
    message.push(embed);
    return embed;
  };

  for (const group of groups) {
    current = null;
    for (const piece of group.pieces) {
      const need = cost(piece);
      if (!current || size + need > BUDGET || !fits(current, piece)) current = open(group, !current, need);
      add(current, piece);
      size += need;
    }
  }

  const shown = messages.slice(0, Math.max(1, maxMessages));
  const dropped = messages.length - shown.length;
  const notes = [
    dropped > 0 ? `Shortened: ${dropped} more message${dropped === 1 ? "" : "s"} not shown` : "",
    footer,
  ];
  const text = truncate(notes.filter(Boolean).join(" · "), FOOTER_RESERVE);
  const last = shown[shown.length - 1]?.at(-1);
  if (last && text) last.footer = { text };
  return shown;
}
