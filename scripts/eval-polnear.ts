/**
 * Attribution extraction against PolNeAR (2015–16 US election news, every attribution annotated in brat format).
 *
 *   npx tsx scripts/eval-polnear.ts <path-to-polnear> [--split dev|train] [--limit N] [--errors N]
 *
 * Gold: `E` lines tie Source / Cue / Content spans (contents may be discontinuous, "A," | "B"). One annotator's
 * file per article (the first by name). Attributions inside the title line are left out of the scores: the
 * extractor deliberately never attributes headlines (their number is printed).
 *
 * Predictions sharing a cue (a split quote and its continuation) are scored as one attribution, like the gold.
 * A prediction matches a gold attribution when the token F1 of their contents is ≥ 0.5 (one-to-one, best first);
 * it is fully right when, in addition, the predicted speaker mention overlaps the gold Source span.
 * Direct = gold content opening with a quotation mark (" “ ” „ « or the doubled apostrophe '' of the NYT texts;
 * predicted: `direct`). Direct-quote attribution accuracy =
 * among gold direct quotes with a Source whose content was found, the share whose speaker mention overlaps it.
 * PolNeAR has no coreference chains; as an entity-level proxy, for gold sources that contain a name (a capitalised
 * word that is no pronoun, title, role or place), the resolved speaker must share that word. Sources that are
 * pronouns or descriptions ("he", "the senator") cannot be checked this way.
 * The data stays where it is: nothing here is copied into the repository.
 */

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { COUNTRIES, PLACES, ROLE_NOUNS, TITLE_WORDS } from "../src/nlp/actors/lexicon.js";
import { type Attribution, extractAttributions } from "../src/nlp/quotes/index.js";

type Range = [number, number];

interface Gold {
  sources: Range[];
  contents: Range[];
  tokens: string[];
  direct: boolean;
  sourceText: string;
}

interface Pred {
  speakers: Range[];
  tokens: string[];
  direct: boolean;
  speaker: string;
  mention: string;
  content: string;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const tokensOf = (s: string): string[] => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

function f1(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const t of a) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of b) {
    const c = counts.get(t) ?? 0;
    if (c > 0) {
      common++;
      counts.set(t, c - 1);
    }
  }
  if (common === 0) return 0;
  const p = common / b.length;
  const r = common / a.length;
  return (2 * p * r) / (p + r);
}

const overlaps = (a: Range[], b: Range[]) => a.some(([s, e]) => b.some(([s2, e2]) => s < e2 && s2 < e));

function parseAnn(path: string, text: string): Gold[] {
  const spans = new Map<string, { type: string; ranges: Range[] }>();
  const out: Gold[] = [];
  const events: string[][] = [];
  for (const line of readFileSync(path, "utf8").split("\n")) {
    const parts = line.split("\t");
    if (parts.length < 2) continue;
    const [id, body] = parts as [string, string];
    if (id.startsWith("T")) {
      const sp = body.indexOf(" ");
      const ranges = body
        .slice(sp + 1)
        .split(";")
        .map((r) => r.trim().split(/\s+/).map(Number) as Range);
      spans.set(id, { type: body.slice(0, sp), ranges });
    } else if (id.startsWith("E")) events.push(body.trim().split(/\s+/));
  }
  for (const ev of events) {
    const sources: Range[] = [];
    const contents: Range[] = [];
    for (const role of ev) {
      const [name, ref] = role.split(":") as [string, string];
      const t = spans.get(ref);
      if (!t) continue;
      if (/^Source/.test(name)) sources.push(...t.ranges);
      else if (/^Content/.test(name)) contents.push(...t.ranges);
    }
    if (contents.length === 0) continue;
    contents.sort((a, b) => a[0] - b[0]);
    const contentText = contents.map(([s, e]) => text.slice(s, e)).join(" ");
    out.push({
      sources,
      contents,
      tokens: tokensOf(contentText),
      direct: /^\s*(["“”„«]|'')/.test(text.slice(contents[0]?.[0] ?? 0, contents[0]?.[1] ?? 0)),
      sourceText: sources.map(([s, e]) => text.slice(s, e)).join(" "),
    });
  }
  return out;
}

/** Groups predictions that share a cue (split quotes, continuations) into one, like the gold does. */
function groupPreds(attrs: Attribution[]): Pred[] {
  const groups = new Map<number, Attribution[]>();
  for (const a of attrs) groups.set(a.cueStart, [...(groups.get(a.cueStart) ?? []), a]);
  return [...groups.values()].map((g) => ({
    speakers: g.filter((a) => a.speakerStart >= 0).map((a) => [a.speakerStart, a.speakerEnd] as Range),
    tokens: tokensOf(g.map((a) => a.content).join(" ")),
    direct: g.some((a) => a.direct),
    speaker: (g[0] as Attribution).speaker,
    mention: g.find((a) => a.speakerMention)?.speakerMention ?? "",
    content: g.map((a) => a.content).join(" | "),
  }));
}

/** One-to-one matching of predictions to gold by content F1 ≥ 0.5, best pairs first. */
function match(golds: Gold[], preds: Pred[]): Map<Gold, Pred> {
  const pairs: Array<[number, Gold, Pred]> = [];
  for (const g of golds)
    for (const p of preds) {
      const s = f1(g.tokens, p.tokens);
      if (s >= 0.5) pairs.push([s, g, p]);
    }
  pairs.sort((a, b) => b[0] - a[0]);
  const m = new Map<Gold, Pred>();
  const used = new Set<Pred>();
  for (const [, g, p] of pairs) {
    if (m.has(g) || used.has(p)) continue;
    m.set(g, p);
    used.add(p);
  }
  return m;
}

const pct = (a: number, b: number) => (b === 0 ? "  n/a" : (a / b).toFixed(3));
const NAME_STOP =
  /^(the|a|an|of|mr|mrs|ms|dr|sen|rep|gov|he|she|they|we|i|it|his|her|their|its|our|this|that|these|those|some|one|another|many|most)$/;

/** Words of a gold source that name someone: capitalised, not a pronoun, title, role, place or nationality. */
function nameWords(source: string): string[] {
  return source
    .split(/[^\p{L}]+/u)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w.toLowerCase())
    .filter(
      (w) =>
        !NAME_STOP.test(w) &&
        !TITLE_WORDS.has(w) &&
        !ROLE_NOUNS.has(w) &&
        !PLACES.has(w) &&
        !COUNTRIES.has(w),
    );
}

function main(): void {
  const root = process.argv[2];
  if (!root || root.startsWith("--") || !existsSync(root)) {
    console.error(
      "usage: npx tsx scripts/eval-polnear.ts <path-to-polnear> [--split dev|train] [--limit N] [--errors N]",
    );
    process.exit(2);
  }
  const split = arg("--split") ?? "dev";
  const limit = Number(arg("--limit") ?? Number.POSITIVE_INFINITY);
  const showErrors = Number(arg("--errors") ?? 0);
  const titles = new Map<string, string>();
  for (const line of readFileSync(join(root, "metadata.tsv"), "utf8").split("\n").slice(1)) {
    const cols = line.split("\t");
    if (cols[1]) titles.set(cols[1], cols[7] ?? "");
  }
  const annDir = join(root, split, "attributions");
  const anns = readdirSync(annDir).sort();
  const docs = readdirSync(join(root, split, "text"))
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .slice(0, limit);
  const texts: string[] = [];
  const c = {
    gold: 0,
    pred: 0,
    full: 0,
    content: 0,
    gd: 0,
    pd: 0,
    fullGd: 0,
    fullPd: 0,
    contentGd: 0,
    title: 0,
  };
  const acc = { n: 0, ok: 0, noSource: 0, named: 0, namedOk: 0 };
  const errors: string[] = [];
  let ms: number;
  let words = 0;
  for (const file of docs) {
    const doc = file.replace(/\.txt$/, "");
    const ann = anns.find(
      (a) =>
        a.startsWith(`${doc}_`) &&
        a
          .slice(doc.length + 1)
          .replace(/\.ann$/, "")
          .indexOf("_") < 0,
    );
    if (!ann) continue;
    const text = readFileSync(join(root, split, "text", file), "utf8");
    const titleEnd = text.indexOf("\n");
    const all = parseAnn(join(annDir, ann), text);
    const golds = all.filter((g) => (g.contents[0]?.[0] ?? 0) > titleEnd);
    c.title += all.length - golds.length;
    const attrs = extractAttributions(text, { title: titles.get(doc) ?? text.slice(0, titleEnd) });
    texts.push(text);
    const preds = groupPreds(attrs);
    const m = match(golds, preds);
    c.gold += golds.length;
    c.pred += preds.length;
    c.gd += golds.filter((g) => g.direct).length;
    c.pd += preds.filter((p) => p.direct).length;
    for (const g of golds) {
      const p = m.get(g);
      if (!p) {
        if (g.direct && errors.length < showErrors * 2)
          errors.push(`MISS  ${doc}\n   gold [${g.sourceText}] ${g.tokens.slice(0, 18).join(" ")}`);
        continue;
      }
      const full = overlaps(p.speakers, g.sources);
      c.content++;
      if (full) c.full++;
      if (g.direct) {
        c.contentGd++;
        if (full) c.fullGd++;
        if (g.sources.length === 0) acc.noSource++;
        else {
          acc.n++;
          if (full) acc.ok++;
          else if (errors.length < showErrors * 2) {
            errors.push(
              `WRONG ${doc}\n   gold [${g.sourceText}] pred [${p.mention}] ${p.content.slice(0, 90)}`,
            );
          }
          const names = nameWords(g.sourceText);
          if (names.length > 0) {
            acc.named++;
            const sp = p.speaker.toLowerCase();
            if (names.some((w) => sp.includes(w))) acc.namedOk++;
          }
        }
      }
      if (p.direct && full) c.fullPd++;
    }
  }
  // Speed: the fastest of three more passes (the scoring pass warmed the code up).
  for (const text of texts) words += tokensOf(text).length;
  ms = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 3; round++) {
    const t0 = performance.now();
    for (const text of texts) extractAttributions(text);
    ms = Math.min(ms, performance.now() - t0);
  }
  console.log(
    `PolNeAR ${split}: ${docs.length} articles, ${c.gold} gold attributions (${c.gd} direct), ${c.pred} predicted (${c.pd} direct); ${c.title} gold in title lines left out`,
  );
  console.log("                         precision  recall");
  console.log(`all (content+speaker)       ${pct(c.full, c.pred)}   ${pct(c.full, c.gold)}`);
  console.log(`all (content only)          ${pct(c.content, c.pred)}   ${pct(c.content, c.gold)}`);
  console.log(`direct (content+speaker)    ${pct(c.fullPd, c.pd)}   ${pct(c.fullGd, c.gd)}`);
  console.log(
    `direct-quote attribution accuracy: ${pct(acc.ok, acc.n)} (${acc.ok}/${acc.n} found gold direct quotes with a source; ${acc.noSource} without source)`,
  );
  console.log(
    `  entity proxy (gold source names someone, resolved speaker shares the name): ${pct(acc.namedOk, acc.named)} (${acc.namedOk}/${acc.named})`,
  );
  console.log(
    `speed: ${((ms / Math.max(words, 1)) * 1000).toFixed(2)} ms per 1,000 words (${ms.toFixed(0)} ms for ${words} words)`,
  );
  for (const e of errors.slice(0, showErrors * 2)) console.log(e);
}

main();
