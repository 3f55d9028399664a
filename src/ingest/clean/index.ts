/**
 * The boilerplate cleaner: keeps the article and nothing else.
 *
 * Phases: (0) normalize text, trim citation chips and glued ad labels, read a leading date marker; (1) block rules
 * that recognise boilerplate by its own text, in several languages (ad markers, forms, paywalls, newsletters,
 * affiliate and read-aloud notices, widgets, cookie and copyright lines, captions, bylines, timestamps, teasers,
 * appeals, page navigation); (2) site repetition; (3) rules that need the article's language and the story's
 * position (author boxes, link lists, foreign-language blocks, credits, a top caption, reader notices, head
 * labels, tail links); (4) photo credits inside paragraphs; (5) title, dateline and metadata.
 *
 * Every rule is linear in the text; keyword rules run only on blocks whose words hit their trigger table.
 */

import { addScores, emptyScores, guessLanguage } from "../../nlp/language.js";
import { type Block, normalizeSpace } from "../blocks.js";
import { adMarker, trimGluedAd } from "./ads.js";
import { affiliate } from "./affiliate.js";
import { appeal } from "./appeals.js";
import { authorBoxes } from "./author-box.js";
import { byline, headTimestamps, timestamp } from "./byline.js";
import { imageAlt, photoCaption, trimPhotoCredits } from "./captions.js";
import { trimCitationChip } from "./citation-chips.js";
import { copyright } from "./copyright.js";
import { reporterCredits } from "./credits.js";
import { applyDateline, takeDateMarker } from "./dateline.js";
import { foreignLanguage } from "./foreign-language.js";
import { form } from "./forms.js";
import { linkLists } from "./link-lists.js";
import { newsletter } from "./newsletter.js";
import { paywall } from "./paywall.js";
import { readAloud } from "./read-aloud.js";
import { siteNav } from "./site-nav.js";
import { siteRepeats } from "./site-repeats.js";
import { blockLanguageScores, setText, storyBounds } from "./state.js";
import { teaser } from "./teasers.js";
import { normalizedKey, wordCount } from "./text.js";
import { chooseTitle } from "./title.js";
import type { BlockRule, CleanContext, CleanResult, Item, State } from "./types.js";
import { cookieNotice, shareWidget } from "./widgets.js";
import { headLabels, tailLinks, topCaption, zoneNotices } from "./zones.js";

export type { CleanContext, CleanResult } from "./types.js";

/** Rules that judge a block by its own text, in order; the first that matches names the removal. */
const BLOCK_RULES: BlockRule[] = [
  adMarker,
  form,
  paywall,
  newsletter,
  affiliate,
  readAloud,
  cookieNotice,
  shareWidget,
  copyright,
  imageAlt,
  photoCaption,
  byline,
  timestamp,
  teaser,
  appeal,
  siteNav,
];
/** Quote blocks are someone speaking; only these rules apply to them. */
const QUOTE_RULES = new Set<BlockRule>([adMarker, shareWidget]);

const HAS_TEXT = /[\p{L}\p{N}]/u;

function prepare(blocks: Block[], st: State): void {
  for (const b of blocks) {
    // Inline junk that would hide a paragraph's shape (its closing period) goes first.
    const text = trimCitationChip(trimGluedAd(normalizeSpace(b.text ?? "")));
    const item: Item = { kind: b.kind, text, original: b, words: wordCount(text), removed: null };
    if (b.level !== undefined) item.level = b.level;
    if (!HAS_TEXT.test(text)) item.removed = "empty";
    st.items.push(item);
  }
  // A scraper's date marker opening the text.
  const first = st.items.find((it) => it.removed === null);
  const marker = first ? takeDateMarker(first.text) : undefined;
  if (first && marker) {
    st.meta.publishedAt = marker.date;
    setText(first, marker.rest);
    if (!HAS_TEXT.test(marker.rest)) first.removed = "date-marker";
  }
}

function applyBlockRules(st: State): void {
  for (const it of st.items) {
    if (it.removed !== null) continue;
    for (const rule of BLOCK_RULES) {
      if (it.kind === "quote" && !QUOTE_RULES.has(rule)) continue;
      const name = rule(it, st);
      if (name) {
        it.removed = name;
        break;
      }
    }
  }
}

/**
 * The article's language: the declared one, unless the text clearly says otherwise (a site-wide `lang` attribute
 * on a translated article must not make every paragraph "foreign").
 */
function articleLanguage(st: State): string {
  const total = emptyScores();
  for (const it of st.items)
    if (it.removed === null && it.words >= 4) addScores(total, blockLanguageScores(it));
  const detected = guessLanguage(total);
  const declared = st.ctx.language?.trim().toLowerCase().split(/[-_]/)[0];
  if (!declared || !/^[a-z]{2,3}$/.test(declared)) return detected.language;
  if (detected.language !== "und" && detected.language !== declared && detected.confidence >= 0.5)
    return detected.language;
  return declared;
}

function inlineTrims(st: State): void {
  for (const it of st.items) {
    if (it.removed !== null) continue;
    const trimmed = trimCitationChip(trimPhotoCredits(it.text));
    if (trimmed !== it.text) setText(it, trimmed);
    if (!HAS_TEXT.test(it.text)) it.removed = "empty";
  }
}

/** Cleans an article's blocks: removes boilerplate, finds title, date, author and source hints. */
export function cleanBlocks(blocks: Block[], ctx: CleanContext = {}): CleanResult {
  const st: State = { items: [], ctx, language: "und", meta: {}, now: new Date() };
  prepare(blocks, st);
  applyBlockRules(st);
  siteRepeats(st);
  st.language = articleLanguage(st);

  let bounds = storyBounds(st);
  headTimestamps(st, bounds.first);
  authorBoxes(st);
  linkLists(st);
  foreignLanguage(st, bounds);
  bounds = storyBounds(st);
  reporterCredits(st, bounds.last);
  topCaption(st);
  zoneNotices(st, bounds);
  headLabels(st, bounds.first);
  tailLinks(st);

  inlineTrims(st);
  chooseTitle(st);
  applyDateline(st);

  const result: CleanResult = { blocks: [], removed: [], language: st.language, meta: st.meta };
  for (const it of st.items) {
    if (it.removed === null) {
      const block: Block = { kind: it.kind, text: it.text };
      if (it.level !== undefined) block.level = it.level;
      result.blocks.push(block);
    } else {
      result.removed.push({ text: it.original.text, rule: it.removed });
    }
  }
  return result;
}

/** Stable hash of a block's normalized text (case/space/punctuation-insensitive), used to count site repetition. */
export function blockHash(text: string): string {
  const key = normalizedKey(text);
  // Two independent 32-bit FNV-1a variants → 64 bits as 16 hex digits.
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ key.length;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  return (h1 >>> 0).toString(16).padStart(8, "0") + (h2 >>> 0).toString(16).padStart(8, "0");
}
