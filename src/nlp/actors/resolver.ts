/** Resolves a speaker mention ("Sheinbaum", "she", "the Mexican president") to one of the text's actors. */

import { pronounGender } from "./gender.js";
import { findNameMentions } from "./mentions.js";
import type { ActorRecord, ActorRegistry, Occurrence } from "./registry.js";
import { type ParsedTitle, parseTitle, partyOf, titleFit } from "./titles.js";
import { tokenize } from "./tokens.js";

export interface Resolution {
  /** Canonical name, or the mention itself when it names no known actor. */
  name: string;
  actor?: ActorRecord;
}

/** The party of an actor, from world knowledge or from the titles the text gave them. */
function actorParty(rec: ActorRecord): "r" | "d" | undefined {
  if (rec.known?.party) return rec.known.party;
  for (const t of rec.parsed) {
    const p = partyOf(t);
    if (p) return p;
  }
  return undefined;
}

/** How far back (in characters) a pronoun or description looks for its actor. */
const WINDOW = 2500;

export class ActorResolver {
  constructor(private readonly reg: ActorRegistry) {}

  resolve(mention: string, start: number): Resolution {
    const m = mention.trim();
    const lower = m.toLowerCase();
    const gender = pronounGender(lower);
    if (gender && /^(he|she)$/.test(lower)) return this.found(this.pronoun(gender, start), m);
    if (/^(they|we|i|you|it|who|which|this|that)$/.test(lower)) return { name: m };
    // "a Nevada Democrat", "another adviser", "one senior official": someone new, not an actor named before.
    const indefinite = /^(a|an|another|one|some|several|many|two|three|few)\s/i.test(m);
    if (indefinite && findNameMentions(m, tokenize(m)).length === 0) return { name: m };
    const bare = m.replace(/^(the|a|an)\s+/i, "");
    const desc = parseTitle(bare);
    const singleWord = !/\s/.test(bare);
    if (desc && (singleWord || !this.hasName(m))) {
      return desc.plural ? { name: m } : this.found(this.describe(desc, start), m);
    }
    return this.found(this.named(m, start), m);
  }

  /** Records that `actor` spoke at `start`: speakers are what later pronouns most often refer to. */
  noteSpeaker(actor: ActorRecord, start: number, end: number): void {
    this.reg.addOccurrence({ actor, start, end, prominent: true });
  }

  private found(actor: ActorRecord | undefined, mention: string): Resolution {
    return actor ? { name: actor.name, actor } : { name: mention };
  }

  private hasName(m: string): boolean {
    return findNameMentions(m, tokenize(m)).some((n) => n.kind !== "org");
  }

  private named(m: string, start: number): ActorRecord | undefined {
    const names = findNameMentions(m, tokenize(m));
    const n = names.at(-1);
    if (!n) return undefined;
    if (n.kind === "org")
      return this.reg.lookup(n.name.replace(/^the\s+/i, "")) ?? this.reg.ensure(n.name, "org");
    const exact = this.reg.lookup(n.name);
    if (exact) return exact;
    const parts = n.name.split(/\s+/);
    if (parts.length === 1) {
      let candidates = this.reg.bySurname(n.name);
      if (n.gender) candidates = candidates.filter((c) => (c.votes.result ?? n.gender) === n.gender);
      const near = this.latest(start, (o) => candidates.includes(o.actor));
      if (near ?? candidates[0]) return near ?? candidates[0];
    }
    const rec = this.reg.ensure(n.name, "person");
    if (n.title) this.reg.addTitle(rec, n.title);
    rec.votes.add(n.gender, 3);
    return rec;
  }

  private pronoun(gender: "f" | "m", start: number): ActorRecord | undefined {
    let fallback: ActorRecord | undefined;
    for (let i = this.before(start); i >= 0; i--) {
      const o = this.reg.occurrences[i] as Occurrence;
      if (start - o.start > WINDOW) break;
      if (o.actor.kind !== "person") continue;
      const g = o.actor.votes.result;
      if (g === gender) return o.actor;
      if (g === undefined) fallback ??= o.actor;
    }
    return fallback;
  }

  private describe(desc: ParsedTitle, start: number): ActorRecord | undefined {
    let best = 0;
    let tied: ActorRecord[] = [];
    const party = partyOf(desc);
    for (const rec of this.reg.records) {
      if (rec.kind !== "person") continue;
      if (party && actorParty(rec) && actorParty(rec) !== party) continue;
      let fit = 0;
      for (const t of rec.parsed) fit = Math.max(fit, titleFit(desc, t));
      const k = rec.known;
      if (k?.descriptors.includes(desc.head)) {
        fit = Math.max(
          fit,
          0.5 * titleFit(desc, { raw: "", head: desc.head, country: k.country, quals: [], plural: false }),
        );
      }
      if (fit <= 0) continue;
      if (fit > best + 1e-9) {
        best = fit;
        tied = [rec];
      } else if (Math.abs(fit - best) < 1e-9) tied.push(rec);
    }
    if (tied.length <= 1) return tied[0];
    return (
      this.latest(start, (o) => o.prominent && tied.includes(o.actor)) ??
      this.latest(start, (o) => tied.includes(o.actor)) ??
      tied.sort((a, b) => b.mentions - a.mentions)[0]
    );
  }

  /** Index of the last occurrence that starts before `pos`. */
  private before(pos: number): number {
    const occ = this.reg.occurrences;
    let lo = 0;
    let hi = occ.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((occ[mid] as Occurrence).start < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  private latest(pos: number, ok: (o: Occurrence) => boolean): ActorRecord | undefined {
    for (let i = this.before(pos); i >= 0; i--) {
      const o = this.reg.occurrences[i] as Occurrence;
      if (pos - o.start > WINDOW * 2) break;
      if (ok(o)) return o.actor;
    }
    return undefined;
  }
}
