/** Builds the actors of one text: people and organisations with their name forms, titles, gender and mentions. */

import { firstNameGender, followingPronoun, GenderVotes } from "./gender.js";
import { type KnownActor, knownActor } from "./known.js";
import { HONORIFICS, PERSON_VERBS, ROLE_NOUNS } from "./lexicon.js";
import { findNameMentions, type NameMention } from "./mentions.js";
import { appositionTitles, type ParsedTitle, parseTitle } from "./titles.js";
import { type Token, tokenize } from "./tokens.js";

export interface ActorRecord {
  name: string;
  kind: "person" | "org";
  aliases: Set<string>;
  titles: string[];
  parsed: ParsedTitle[];
  votes: GenderVotes;
  known?: KnownActor;
  /** Lower-case last name token. */
  surname: string;
  /** Lower-case first name token ("" for a bare surname). */
  first: string;
  mentions: number;
}

export interface Occurrence {
  actor: ActorRecord;
  start: number;
  end: number;
  /** First person mentioned in its sentence, or a speaker: the likely topic of what follows. */
  prominent: boolean;
}

const norm = (s: string) => s.toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, " ").trim();
const nameParts = (name: string) => norm(name).replace(/\./g, "").split(" ");

export class ActorRegistry {
  readonly records: ActorRecord[] = [];
  /** Sorted by start. */
  readonly occurrences: Occurrence[] = [];
  private readonly byName = new Map<string, ActorRecord>();

  /** Record for a full name, creating it when new. */
  ensure(name: string, kind: "person" | "org"): ActorRecord {
    const key = norm(name);
    const found = this.byName.get(key) ?? (kind === "person" ? this.matchFull(name) : undefined);
    if (found) {
      found.aliases.add(name);
      return found;
    }
    const parts = nameParts(name);
    const rec: ActorRecord = {
      name,
      kind,
      aliases: new Set([name]),
      titles: [],
      parsed: [],
      votes: new GenderVotes(),
      surname: parts.at(-1) ?? "",
      first: parts.length > 1 ? (parts[0] ?? "") : "",
      mentions: 0,
    };
    const known = kind === "person" ? knownActor(name) : undefined;
    if (known) {
      rec.known = known;
      rec.votes.add(known.gender, 3);
      if (parts.length === 1) rec.name = known.name;
    }
    rec.votes.add(firstNameGender(name), parts.length > 1 ? 2 : 0);
    this.records.push(rec);
    this.byName.set(key, rec);
    return rec;
  }

  /** A person with the same first and last name ("Donald J. Trump" = "Donald Trump"). */
  private matchFull(name: string): ActorRecord | undefined {
    const parts = nameParts(name);
    if (parts.length < 2) return undefined;
    return this.records.find(
      (r) => r.kind === "person" && r.surname === parts.at(-1) && r.first === parts[0],
    );
  }

  /** People whose last name is `surname`, the ones with a full name first. */
  bySurname(surname: string): ActorRecord[] {
    const s = norm(surname).replace(/\./g, "");
    return this.records
      .filter((r) => r.kind === "person" && r.surname === s)
      .sort((a, b) => b.mentions - a.mentions);
  }

  lookup(name: string): ActorRecord | undefined {
    return this.byName.get(norm(name)) ?? this.matchFull(name);
  }

  addTitle(rec: ActorRecord, raw: string): void {
    const p = parseTitle(raw);
    if (!p || p.plural || rec.titles.includes(raw)) return;
    rec.titles.push(raw);
    rec.parsed.push(p);
    rec.votes.add(ROLE_NOUNS.get(p.head) || undefined, 3);
  }

  addOccurrence(o: Occurrence): void {
    o.actor.mentions++;
    let i = this.occurrences.length;
    while (i > 0 && (this.occurrences[i - 1] as Occurrence).start > o.start) i--;
    this.occurrences.splice(i, 0, o);
  }
}

/** Sentence number of every token (a new sentence after . ! ? or a line break). */
function sentenceIds(text: string, tokens: Token[]): number[] {
  const ids: number[] = [];
  let id = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const prev = tokens[i - 1];
    if (prev && (/^[.!?]$/.test(prev.text) || text.slice(prev.end, t.start).includes("\n"))) id++;
    ids.push(id);
  }
  return ids;
}

function hasEvidence(text: string, m: NameMention, tokens: Token[], surnames: Set<string>): boolean {
  if (m.kind !== "unknown") return true;
  if (appositionTitles(text, tokens, m).length > 0) return true;
  const parts = nameParts(m.name);
  let i = m.tokenIndex;
  while (i < tokens.length && (tokens[i] as Token).end <= m.end) i++;
  const next = tokens[i];
  if (next && PERSON_VERBS.has(next.lower)) return true;
  if (next?.text === "," && ROLE_NOUNS.has((tokens[i + 2] ?? tokens[i + 1])?.lower ?? "")) return true;
  if (parts.length === 1) return knownActor(m.name) !== undefined;
  if (surnames.has(parts.at(-1) ?? "")) return true;
  // "Ilsa Varga faced the council": a two- or three-word name followed by a verb-like word.
  const nameShaped =
    parts.length <= 3 && m.name.split(/\s+/).every((w) => /^\p{Lu}\p{Ll}+(-\p{Lu}?\p{Ll}+)?$/u.test(w));
  return (
    nameShaped &&
    next !== undefined &&
    next.kind === "word" &&
    !next.cap &&
    /(ed|s)$/.test(next.lower) &&
    next.start - m.end < 3
  );
}

export function buildRegistry(text: string, tokens: Token[] = tokenize(text)): ActorRegistry {
  const reg = new ActorRegistry();
  const mentions = findNameMentions(text, tokens);
  const sentence = sentenceIds(text, tokens);
  // Bare capitalised words that recur: a multi-word unknown name whose last word recurs alone is a person.
  const singles = new Set(mentions.filter((m) => !m.name.includes(" ")).map((m) => norm(m.name)));
  const attach = new Map<NameMention, ActorRecord>();
  // Full names first, so that bare surnames can attach to them wherever they appear.
  for (const m of mentions) {
    if (m.kind === "org") attach.set(m, reg.ensure(m.name.replace(/^the\s+/i, ""), "org"));
    else if (m.name.includes(" ") && (m.kind === "person" || hasEvidence(text, m, tokens, singles))) {
      // "Nation Trump" (no first name, no title) joins an existing "Donald Trump" rather than becoming a person.
      const surname = nameParts(m.name).at(-1) ?? "";
      const loose = m.kind === "unknown" && firstNameGender(m.name) === undefined;
      const same =
        reg.bySurname(surname)[0] ?? (knownActor(surname) ? reg.ensure(surname, "person") : undefined);
      attach.set(m, loose && same ? same : reg.ensure(m.name, "person"));
    }
  }
  for (const m of mentions) {
    if (attach.has(m) || m.kind === "org") continue;
    const candidates = reg.bySurname(nameParts(m.name).at(-1) ?? "");
    if (m.name.includes(" ")) continue;
    if (candidates.length > 0)
      attach.set(m, nearest(candidates, m.start, attach) ?? (candidates[0] as ActorRecord));
    else if (m.kind === "person" || hasEvidence(text, m, tokens, singles))
      attach.set(m, reg.ensure(m.name, "person"));
  }
  const seenSentence = new Set<number>();
  for (const [m, rec] of [...attach].sort((a, b) => a[0].start - b[0].start)) {
    const s = sentence[m.tokenIndex] ?? 0;
    const prominent = rec.kind === "person" && !seenSentence.has(s);
    if (rec.kind === "person") seenSentence.add(s);
    reg.addOccurrence({ actor: rec, start: m.titleStart, end: m.end, prominent });
    if (rec.kind !== "person") continue;
    rec.aliases.add(m.name);
    if (m.title && (m.title.split(/\s+/).length > 1 || !HONORIFICS.has(m.title.toLowerCase())))
      reg.addTitle(rec, m.title);
    rec.votes.add(m.gender, 3);
    for (const t of appositionTitles(text, tokens, m)) reg.addTitle(rec, t);
  }
  addPronounVotes(text, tokens, reg);
  return reg;
}

/** The pronoun that first follows a prominent mention, before the next person, is a (weak) gender vote. */
function addPronounVotes(text: string, tokens: Token[], reg: ActorRegistry): void {
  const occ = reg.occurrences.filter((o) => o.actor.kind === "person");
  let ti = 0;
  for (let k = 0; k < occ.length; k++) {
    const o = occ[k] as Occurrence;
    while (ti < tokens.length && (tokens[ti] as Token).start < o.end) ti++;
    const stop = occ[k + 1]?.start ?? text.length;
    if (o.prominent) o.actor.votes.add(followingPronoun(text, tokens, ti, stop), 1);
  }
}

/** The candidate mentioned last before `pos` (or first after it). */
function nearest(
  candidates: ActorRecord[],
  pos: number,
  attached: Map<NameMention, ActorRecord>,
): ActorRecord | undefined {
  let best: ActorRecord | undefined;
  let bestDist = Number.POSITIVE_INFINITY;
  for (const [m, rec] of attached) {
    if (!candidates.includes(rec)) continue;
    const dist = m.start < pos ? pos - m.start : (m.start - pos) * 4;
    if (dist < bestDist) {
      best = rec;
      bestDist = dist;
    }
  }
  return best;
}
