/**
 * Story grouping evaluation: B-cubed precision / recall / F1 of `groupStories` against gold event clusters.
 *
 *   npx tsx scripts/eval-stories.ts <ecbplus-docs.jsonl> [neus-allsides-stories.jsonl]
 *     [--threshold T] [--orders N (sweep, default 3)] [--shuffles N (robustness, default 5)]
 *     [--no-sweep] [--no-timing]
 *   npx tsx scripts/eval-stories.ts mixed --gold "000 001|002 003|004" <files or folders...>
 *     [--background file.jsonl] [--background-n 1000] [--orders 20] [--store] [--threshold T] [--verbose]
 *   npx tsx scripts/eval-stories.ts timing <ecbplus-docs.jsonl> [neus-allsides-stories.jsonl]
 *
 * The `mixed` mode (see `mixed` below) checks a few articles with known events among many unrelated ones, read
 * from wherever they are; `timing` runs only the timing at 10,000 stories.
 *
 * ECB+: `{doc, topic, subtopic, cluster, sentences}`; `cluster` is the gold story. Each topic holds two subtopics
 * about similar events, so the score within a topic (each topic grouped on its own) is the meaningful one; the
 * whole set is grouped too. The threshold sweep is tuned on topics 1–25 (the usual train + dev split) and reported
 * on topics 26–45 (test) as well. NEUS/AllSides: 2–3 outlets per event; the gold story is the AllSides story.
 * The data stays where it is: nothing here is copied into the repository.
 */

import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, extname, join } from "node:path";
import {
  assignToStory,
  candidateKeys,
  DEFAULT_THRESHOLD,
  type DocFrequency,
  documentFrequencies,
  documentKeys,
  groupStories,
  type StoryDoc,
  type StoryFeatures,
  StoryIndex,
  type StoryState,
  storyFeatures,
} from "../src/core/stories/index.js";

interface Item {
  doc: StoryDoc;
  gold: string;
  group: string;
}

interface Scores {
  p: number;
  r: number;
  f: number;
}

function readJsonl(path: string): unknown[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as unknown);
}

/** Undoes the PTB-style tokenization of ECB+ ("Reid 's rep , she said" → "Reid's rep, she said"). */
function detokenize(s: string): string {
  return s
    .replace(/`` ?/g, "“")
    .replace(/ ?''/g, "”")
    .replace(/ ([,.;:!?%)\]}]|'s|'re|'ve|'ll|'d|n't)(?=\s|$)/gi, "$1")
    .replace(/([([{$]) /g, "$1")
    .replace(/(\w) - (\w)/g, "$1-$2");
}

function ecbItems(path: string): Item[] {
  return readJsonl(path).map((row) => {
    const r = row as { doc: string; topic: number; cluster: string; sentences: string[] };
    const text = r.sentences
      .filter((s) => !/^https?\s*:/.test(s))
      .map(detokenize)
      .join("\n");
    return {
      doc: { id: r.doc, title: "", text, publishedAt: null, source: "ecb" },
      gold: r.cluster,
      group: String(r.topic),
    };
  });
}

function neusItems(path: string, withDates: boolean): Item[] {
  const items: Item[] = [];
  const rows = readJsonl(path) as Array<{
    id: number;
    topic: string;
    date?: string;
    news: Record<string, { newsSource?: string; newsTitle?: string; newBody?: string[] }>;
  }>;
  rows.sort((a, b) => (a.date ?? "").localeCompare(b.date ?? "") || a.id - b.id);
  for (const r of rows) {
    for (const side of ["left", "center", "right"]) {
      const n = r.news[side];
      if (!n) continue;
      const doc: StoryDoc = {
        id: `${r.id}-${side}`,
        title: n.newsTitle ?? "",
        text: (n.newBody ?? []).join("\n\n"),
        publishedAt: withDates ? (r.date ?? null) : null,
        source: n.newsSource ?? side,
      };
      items.push({ doc, gold: String(r.id), group: r.topic });
    }
  }
  return items;
}

/** B-cubed over the items, given each item's predicted cluster label. */
function bcubed(gold: readonly string[], pred: readonly string[]): Scores {
  const size = (labels: readonly string[]): Map<string, number> => {
    const m = new Map<string, number>();
    for (const l of labels) m.set(l, (m.get(l) ?? 0) + 1);
    return m;
  };
  const both = size(gold.map((g, i) => `${g}\u0000${pred[i]}`));
  const gs = size(gold);
  const ps = size(pred);
  let p = 0;
  let r = 0;
  gold.forEach((g, i) => {
    const pr = pred[i] as string;
    const common = both.get(`${g}\u0000${pr}`) ?? 0;
    p += common / (ps.get(pr) ?? 1);
    r += common / (gs.get(g) ?? 1);
  });
  p /= gold.length;
  r /= gold.length;
  return { p, r, f: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

function labelsOf(items: readonly Item[], stories: readonly StoryState[]): string[] {
  const of = new Map<string, string>();
  for (const s of stories) for (const id of s.articleIds) of.set(id, s.id);
  return items.map((it) => of.get(it.doc.id) ?? it.doc.id);
}

function mean(xs: readonly Scores[]): Scores {
  const avg = (k: keyof Scores): number => xs.reduce((s, x) => s + x[k], 0) / Math.max(1, xs.length);
  return { p: avg("p"), r: avg("r"), f: avg("f") };
}

function byGroup(items: readonly Item[]): Item[][] {
  const m = new Map<string, Item[]>();
  for (const it of items) m.set(it.group, [...(m.get(it.group) ?? []), it]);
  return [...m.values()];
}

type Grouper = (items: readonly Item[]) => string[];

const ours =
  (threshold: number, df: DocFrequency, totalDocs: number): Grouper =>
  (items) =>
    labelsOf(
      items,
      groupStories(
        items.map((i) => i.doc),
        { threshold, df, totalDocs },
      ),
    );
const singletons: Grouper = (items) => items.map((i) => i.doc.id);
const oneCluster: Grouper = (items) => items.map((i) => i.group);

/** Whole set grouped at once, and each group (topic) grouped on its own with B-cubed averaged over groups. */
function evaluate(items: readonly Item[], grouper: Grouper): { all: Scores; within: Scores } {
  const all = bcubed(
    items.map((i) => i.gold),
    grouper(items),
  );
  const within = mean(
    byGroup(items).map((g) =>
      bcubed(
        g.map((i) => i.gold),
        grouper(g),
      ),
    ),
  );
  return { all, within };
}

const fmt = (s: Scores): string => `${s.p.toFixed(3)}  ${s.r.toFixed(3)}  ${s.f.toFixed(3)}`;
const HEAD = "                         all docs (P  R  F1)   within topic (P  R  F1)";
const row = (name: string, r: { all: Scores; within: Scores }): string =>
  `${name.padEnd(24)} ${fmt(r.all)}     ${fmt(r.within)}`;

function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function report(name: string, items: Item[], threshold: number, shuffles: number): void {
  const { df, totalDocs } = documentFrequencies(items.map((i) => i.doc));
  const stories = new Set(items.map((i) => i.gold)).size;
  console.log(
    `\n## ${name}: ${items.length} articles, ${stories} gold stories, ${byGroup(items).length} topics\n`,
  );
  console.log(HEAD);
  console.log(row("all singletons", evaluate(items, singletons)));
  console.log(row("one cluster per topic", evaluate(items, oneCluster)));
  console.log(row(`newsdesk (t=${threshold})`, evaluate(items, ours(threshold, df, totalDocs))));
  if (shuffles > 0) {
    const runs = Array.from({ length: shuffles }, (_, k) =>
      evaluate(shuffled(items, k + 1), ours(threshold, df, totalDocs)),
    );
    const f = (sel: (r: { all: Scores; within: Scores }) => number): string => {
      const xs = runs.map(sel);
      const m = xs.reduce((a, b) => a + b, 0) / xs.length;
      return `${m.toFixed(3)} (min ${Math.min(...xs).toFixed(3)}, max ${Math.max(...xs).toFixed(3)})`;
    };
    console.log(`${shuffles} shuffled orders: F1 all ${f((r) => r.all.f)}, within ${f((r) => r.within.f)}`);
  }
}

/** F1 averaged over the file's order and `orders - 1` shuffled orders: one order alone is noisy. */
function meanOverOrders(
  items: readonly Item[],
  grouper: Grouper,
  orders: number,
): { all: Scores; within: Scores } {
  const runs = Array.from({ length: orders }, (_, k) =>
    evaluate(k === 0 ? items : shuffled(items, k), grouper),
  );
  return { all: mean(runs.map((r) => r.all)), within: mean(runs.map((r) => r.within)) };
}

function sweep(items: Item[], thresholds: number[], orders: number): number {
  const { df, totalDocs } = documentFrequencies(items.map((i) => i.doc));
  const tune = items.filter((i) => Number(i.group) <= 25);
  const test = items.filter((i) => Number(i.group) > 25);
  console.log(
    `\n## Threshold sweep on ECB+ (B-cubed F1, mean of ${orders} orders; tune = topics 1–25, test = topics 26–45)\n`,
  );
  console.log("threshold   tune within   tune all   test within   test all");
  let best = thresholds[0] ?? DEFAULT_THRESHOLD;
  let bestF = -1;
  for (const t of thresholds) {
    const a = meanOverOrders(tune, ours(t, df, totalDocs), orders);
    const b = meanOverOrders(test, ours(t, df, totalDocs), orders);
    console.log(
      `${t.toFixed(3).padEnd(11)} ${a.within.f.toFixed(3).padEnd(13)} ${a.all.f.toFixed(3).padEnd(10)} ${b.within.f.toFixed(3).padEnd(13)} ${b.all.f.toFixed(3)}`,
    );
    if (a.within.f > bestF) {
      bestF = a.within.f;
      best = t;
    }
  }
  console.log(`best on tune topics: ${best}`);
  return best;
}

/**
 * Time to assign one article when 10,000 stories exist: scanning all of them, and scoring only the candidates
 * from `StoryIndex`. The stories carry real articles' centroids (plus two keys of their own), dated over two years
 * or undated; the probes are real articles.
 */
function timing(items: Item[]): void {
  const { df, totalDocs } = documentFrequencies(items.map((i) => i.doc));
  const t0 = performance.now();
  const feats = items.map((i) => storyFeatures(i.doc, df, totalDocs));
  console.log(`storyFeatures: ${((performance.now() - t0) / items.length).toFixed(2)} ms per article`);
  const day = 86_400_000;
  for (const dated of [true, false]) {
    const index = new StoryIndex();
    const stories: StoryState[] = [];
    for (let i = 0; i < 10_000; i++) {
      const f = feats[i % feats.length];
      if (!f) continue;
      const centroid: Array<[string, number]> = [
        ...f.terms,
        [`x${i}a`, 0.3],
        [`x${i}b`, 0.3],
        ...(f.cues ?? []),
      ];
      const time = dated ? Date.UTC(2024, 0, 1) + (i % 730) * day : null;
      const s: StoryState = {
        id: `s${i}`,
        articleIds: [`a${i}`],
        centroid,
        entities: f.entities,
        start: time,
        end: time,
      };
      stories.push(s);
      index.upsert(s);
    }
    const probes = feats
      .slice(0, 1000)
      .map((f, i) => ({ ...f, time: dated ? Date.UTC(2024, 0, 1) + ((i * 37) % 730) * day : null }));
    const label = dated ? "dated (2 years)" : "undated";
    const chosen: string[][] = [];
    for (const [name, pick] of [
      ["scan all 10,000", () => stories],
      ["StoryIndex candidates", (f: (typeof probes)[number]) => index.candidates(f)],
      ["StoryIndex, min. score", (f: (typeof probes)[number]) => index.candidates(f, DEFAULT_THRESHOLD)],
    ] as const) {
      let candidates = 0;
      const results: string[] = [];
      const start = performance.now();
      for (const f of probes) {
        const list = pick(f);
        candidates += list.length;
        const r = assignToStory(f, "probe", list);
        results.push(r.created ? "" : r.story.id);
      }
      const ms = (performance.now() - start) / probes.length;
      chosen.push(results);
      console.log(
        `${label.padEnd(16)} ${name.padEnd(22)} ${ms.toFixed(2)} ms per article (${Math.round(candidates / probes.length)} stories passed in)`,
      );
    }
    const differ = (chosen[0] ?? []).filter((id, i) => chosen.some((c) => c[i] !== id)).length;
    console.log(
      `${label.padEnd(16)} assignments that differ between the three: ${differ} of ${probes.length}`,
    );
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Mixed-corpus mode: a few target articles with known events among many unrelated ones.
//
//   npx tsx scripts/eval-stories.ts mixed --gold "000 001|002 003|004" <files or folders...>
//     [--background file.jsonl] [--background-n 1000] [--orders 20] [--store] [--threshold T] [--verbose]
//
// Files: .md (YAML front matter: title, published/date), .html (title from <h1>, date from
// article:published_time, text of <p> elements), .txt (an optional first-line `date YYYY-MM-DD` marker; no title).
// An article's event is named by the part of its file name before the first `_` or `-`; `--gold` lists the events
// as groups of such names ("|" between events). Files in no group and background articles are their own events.
// The background (`{title?, text}` per line, `--background-n` of them taken evenly through the file) is undated.
// The first arrival order has the targets in file order spread evenly through the background; the others are
// shuffles of everything (seeded, so every run is the same). Each order is grouped twice: "batch" weighs terms by document frequencies over the whole corpus (as `regroupAll`), and
// "incremental" by the frequencies of the articles seen so far, the article itself included (as `analyzeArticle`).
// With --store the candidates are cut as the SQLite store cuts them: the 50 stories sharing the most keys.
// ---------------------------------------------------------------------------------------------------------------

interface MixedItem {
  doc: StoryDoc;
  /** Gold event, or null for background articles. */
  gold: string | null;
  name: string;
}

function decodeEntities(s: string): string {
  return s
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, "&");
}

const stripTags = (s: string): string =>
  decodeEntities(s.replace(/<[^>]*>/g, ""))
    .replace(/\s+/g, " ")
    .trim();

function readArticleFile(path: string): StoryDoc {
  const raw = readFileSync(path, "utf8");
  const id = basename(path);
  const ext = extname(path).toLowerCase();
  if (ext === ".md") {
    const m = /^---\n([\s\S]*?)\n---\n?/.exec(raw);
    const front = m?.[1] ?? "";
    const field = (name: string): string | null => {
      const f = new RegExp(`^${name}:\\s*(.*)$`, "m").exec(front);
      return f?.[1] ? f[1].trim().replace(/^["']|["']$/g, "") : null;
    };
    return {
      id,
      title: field("title") ?? "",
      text: m ? raw.slice(m[0].length) : raw,
      publishedAt: field("published") ?? field("date"),
      source: field("source") ?? id,
    };
  }
  if (ext === ".html" || ext === ".htm") {
    const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(raw);
    const date = /<meta[^>]+property="article:published_time"[^>]+content="([^"]+)"/i.exec(raw);
    const paragraphs = [...raw.matchAll(/<p[\s>][\s\S]*?<\/p>/gi)].map((p) => stripTags(p[0]));
    return {
      id,
      title: h1?.[1] ? stripTags(h1[1]) : "",
      text: paragraphs.filter((p) => p !== "").join("\n\n"),
      publishedAt: date?.[1] ?? null,
      source: id,
    };
  }
  const marker = /^\s*date (\d{4}-\d{2}-\d{2})\b[ \t]*/.exec(raw);
  return {
    id,
    title: "",
    text: marker ? raw.slice(marker[0].length) : raw,
    publishedAt: marker?.[1] ?? null,
    source: id,
  };
}

function articleFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (statSync(p).isDirectory()) {
      for (const f of readdirSync(p).sort()) {
        if (/\.(?:md|txt|html?)$/i.test(f) && !/^readme\./i.test(f)) out.push(join(p, f));
      }
    } else out.push(p);
  }
  return out;
}

const eventName = (file: string): string => basename(file).split(/[_-]/)[0] ?? file;

interface MixedRun {
  /** The target articles' stories as sorted lists of names (background members shown as a count). */
  groups: string[];
  exact: boolean;
  f: number;
  /** Background articles put into a story with a target article. */
  intruders: number;
  /** Background articles in stories of two or more background articles. */
  backgroundMerged: number;
}

/** The stories of the store's candidate query: sharing the most keys with the article, at most `limit`. */
function storeCandidates(index: StoryIndex, features: StoryFeatures, limit: number): StoryState[] {
  const keys = new Set(candidateKeys(features));
  return index
    .all()
    .map((s, i) => ({ s, i, n: s.centroid.reduce((c, [k]) => c + (keys.has(k) ? 1 : 0), 0) }))
    .filter((x) => x.n > 0)
    .sort((a, b) => b.n - a.n || b.i - a.i)
    .slice(0, limit)
    .map((x) => x.s);
}

function groupMixed(
  items: readonly MixedItem[],
  incremental: boolean,
  store: boolean,
  threshold: number,
): StoryState[] {
  const index = new StoryIndex();
  const batch = incremental ? undefined : documentFrequencies(items.map((i) => i.doc));
  const counts = new Map<string, number>();
  let seen = 0;
  for (const { doc } of items) {
    let features: StoryFeatures;
    if (batch) features = storyFeatures(doc, batch.df, batch.totalDocs);
    else {
      const keys = [...new Set(documentKeys(doc))];
      features = storyFeatures(doc, (k) => (counts.get(k) ?? 0) + 1, seen + 1);
      for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
      seen++;
    }
    const candidates = store ? storeCandidates(index, features, 50) : index.candidates(features, threshold);
    index.upsert(assignToStory(features, doc.id, candidates, { threshold }).story);
  }
  return index.all();
}

function scoreMixed(items: readonly MixedItem[], stories: readonly StoryState[]): MixedRun {
  const byId = new Map(items.map((i) => [i.doc.id, i]));
  const targets = items.filter((i) => i.gold !== null);
  const label = new Map<string, string>();
  for (const s of stories) for (const id of s.articleIds) label.set(id, s.id);
  const groups: string[] = [];
  let intruders = 0;
  let backgroundMerged = 0;
  for (const s of stories) {
    const members = s.articleIds.map((id) => byId.get(id));
    const t = members.filter((m) => m?.gold != null).map((m) => m?.name ?? "");
    const b = members.length - t.length;
    if (t.length > 0) {
      intruders += b;
      groups.push(`{${t.sort().join(",")}${b > 0 ? ` +${b} bg` : ""}}`);
    } else if (b > 1) backgroundMerged += b;
  }
  groups.sort();
  // B-cubed over the target articles; a background article sharing their story lowers precision.
  const gold = items.map((i) => i.gold ?? i.doc.id);
  const pred = items.map((i) => label.get(i.doc.id) ?? i.doc.id);
  const targetIdx = items.flatMap((it, i) => (it.gold !== null ? [i] : []));
  const stats = (labels: readonly string[]) => {
    const m = new Map<string, number[]>();
    labels.forEach((l, i) => {
      m.set(l, [...(m.get(l) ?? []), i]);
    });
    return m;
  };
  const gm = stats(gold);
  const pm = stats(pred);
  let p = 0;
  let r = 0;
  for (const i of targetIdx) {
    const same = (pm.get(pred[i] as string) ?? []).filter((j) => gold[j] === gold[i]).length;
    p += same / (pm.get(pred[i] as string)?.length ?? 1);
    r += same / (gm.get(gold[i] as string)?.length ?? 1);
  }
  p /= Math.max(1, targetIdx.length);
  r /= Math.max(1, targetIdx.length);
  const goldGroups = new Map<string, string[]>();
  for (const t of targets)
    goldGroups.set(t.gold as string, [...(goldGroups.get(t.gold as string) ?? []), t.name]);
  const expected = [...goldGroups.values()].map((g) => `{${g.sort().join(",")}}`).sort();
  return {
    groups,
    exact: groups.join(" ") === expected.join(" "),
    f: p + r === 0 ? 0 : (2 * p * r) / (p + r),
    intruders,
    backgroundMerged,
  };
}

function mixed(
  args: string[],
  flag: (name: string) => string | undefined,
  has: (name: string) => boolean,
): void {
  const goldSpec = flag("--gold") ?? "";
  const backgroundPath = flag("--background");
  const backgroundN = Number(flag("--background-n") ?? 1000);
  const orders = Number(flag("--orders") ?? 20);
  const store = has("--store");
  const verbose = has("--verbose");
  const threshold = Number(flag("--threshold") ?? DEFAULT_THRESHOLD);
  const goldOf = new Map<string, string>();
  goldSpec.split("|").forEach((g, i) => {
    for (const name of g.trim().split(/[\s,]+/)) if (name !== "") goldOf.set(name, `g${i}`);
  });
  const targets: MixedItem[] = articleFiles(args).map((file) => {
    const name = eventName(file);
    return { doc: readArticleFile(file), gold: goldOf.get(name) ?? `own:${name}`, name };
  });
  let background: MixedItem[] = [];
  if (backgroundPath) {
    const rows = readJsonl(backgroundPath) as Array<{ id?: string; title?: string; text?: string }>;
    const n = Math.min(backgroundN, rows.length);
    background = Array.from({ length: n }, (_, i) => rows[Math.floor((i * rows.length) / n)]).map((r, i) => ({
      doc: {
        id: `bg-${r?.id ?? i}`,
        title: r?.title ?? "",
        text: r?.text ?? "",
        publishedAt: null,
        source: "bg",
      },
      gold: null,
      name: `bg-${i}`,
    }));
  }
  console.log(
    `${targets.length} target articles (${targets.filter((t) => t.doc.publishedAt).length} dated), ${background.length} background articles, ${orders} arrival orders${store ? ", store candidates" : ""}`,
  );
  for (const incremental of [false, true]) {
    const runs: MixedRun[] = [];
    const t0 = performance.now();
    for (let k = 0; k < orders; k++) {
      // Order 0: targets in file order spread over the background; others shuffled.
      const base = [...targets, ...background];
      const order = k === 0 ? spread(targets, background) : shuffled(base, k * 7919 + 1);
      runs.push(scoreMixed(order, groupMixed(order, incremental, store, threshold)));
    }
    const ms = (performance.now() - t0) / orders / (targets.length + background.length);
    const exact = runs.filter((r) => r.exact).length;
    const meanOf = (sel: (r: MixedRun) => number): string =>
      (runs.reduce((s, r) => s + sel(r), 0) / runs.length).toFixed(3);
    console.log(
      `\n${incremental ? "incremental df" : "batch df"}: exact ${exact}/${runs.length}, B-cubed F1 ${meanOf((r) => r.f)} (min ${Math.min(...runs.map((r) => r.f)).toFixed(3)}), background in target stories ${meanOf((r) => r.intruders)}, background merged ${meanOf((r) => r.backgroundMerged)}; ${ms.toFixed(2)} ms per article`,
    );
    const seenGroups = new Map<string, number>();
    for (const r of runs) seenGroups.set(r.groups.join(" "), (seenGroups.get(r.groups.join(" ")) ?? 0) + 1);
    for (const [g, n] of [...seenGroups].sort((a, b) => b[1] - a[1]).slice(0, verbose ? 20 : 3)) {
      console.log(`  ${String(n).padStart(3)}× ${g}`);
    }
  }
}

/** The targets in their order, spread evenly through the background. */
function spread(targets: readonly MixedItem[], background: readonly MixedItem[]): MixedItem[] {
  if (background.length === 0) return [...targets];
  const out: MixedItem[] = [];
  const step = background.length / targets.length;
  let t = 0;
  background.forEach((b, i) => {
    while (t < targets.length && i >= Math.floor(t * step)) out.push(targets[t++] as MixedItem);
    out.push(b);
  });
  while (t < targets.length) out.push(targets[t++] as MixedItem);
  return out;
}

function main(): void {
  const args = process.argv.slice(2);
  const flag = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args.splice(i, 2)[1] : undefined;
  };
  const has = (name: string): boolean => {
    const i = args.indexOf(name);
    if (i >= 0) args.splice(i, 1);
    return i >= 0;
  };
  if (args[0] === "timing") {
    args.shift();
    const [ecbPath, neusPath] = args;
    if (ecbPath) timing([...ecbItems(ecbPath), ...(neusPath ? neusItems(neusPath, true) : [])]);
    return;
  }
  if (args[0] === "mixed") {
    args.shift();
    mixed(args, flag, has);
    return;
  }
  const fixed = flag("--threshold");
  const shuffles = Number(flag("--shuffles") ?? 5);
  const orders = Number(flag("--orders") ?? 3);
  const noSweep = has("--no-sweep");
  const noTiming = has("--no-timing");
  const [ecbPath, neusPath] = args;
  if (!ecbPath) {
    console.error(
      "usage: tsx scripts/eval-stories.ts <ecbplus-docs.jsonl> [neus-allsides-stories.jsonl] [--threshold T] [--orders N] [--shuffles N]",
    );
    process.exit(2);
  }
  const ecb = ecbItems(ecbPath);
  const thresholds = Array.from({ length: 13 }, (_, i) => Math.round((0.1 + i * 0.025) * 1000) / 1000);
  const best = noSweep ? DEFAULT_THRESHOLD : sweep(ecb, thresholds, orders);
  const threshold = fixed === undefined ? DEFAULT_THRESHOLD : Number(fixed);
  console.log(
    `(the default threshold is ${DEFAULT_THRESHOLD}; reporting with ${threshold}; best on tune topics ${best})`,
  );
  report("ECB+ (all topics)", ecb, threshold, shuffles);
  report(
    "ECB+ test topics 26–45",
    ecb.filter((i) => Number(i.group) > 25),
    threshold,
    0,
  );
  if (neusPath) {
    report(
      "NEUS/AllSides, with story dates (topic = AllSides topic)",
      neusItems(neusPath, true),
      threshold,
      shuffles,
    );
    report("NEUS/AllSides, without dates", neusItems(neusPath, false), threshold, 0);
  }
  if (noTiming) return;
  console.log("\n## Timing\n");
  timing([...ecb, ...(neusPath ? neusItems(neusPath, true) : [])]);
}

main();
