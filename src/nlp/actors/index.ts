/** People and organisations a text mentions, with canonical names, and resolution of mentions to them. */

import { buildRegistry } from "./registry.js";
import { ActorResolver } from "./resolver.js";
import type { Token } from "./tokens.js";

export interface Actor {
  /** Canonical name: the fullest form the text uses ("Claudia Sheinbaum"). */
  name: string;
  /** Every name form seen: "Claudia Sheinbaum", "Sheinbaum". */
  aliases: string[];
  /** Titles and descriptions from the text: "Mexican President", "Mexico’s president". */
  titles: string[];
  gender?: "f" | "m";
  kind: "person" | "org";
}

/** People (and named organisations) mentioned in `text`, in order of first mention. */
export function findActors(text: string): Actor[] {
  const reg = buildRegistry(text);
  const first = new Map<object, number>();
  for (const o of reg.occurrences) if (!first.has(o.actor)) first.set(o.actor, o.start);
  return reg.records
    .filter((r) => first.has(r))
    .sort((a, b) => (first.get(a) ?? 0) - (first.get(b) ?? 0))
    .map((r) => {
      const a: Actor = { name: r.name, aliases: [...r.aliases], titles: [...r.titles], kind: r.kind };
      const g = r.votes.result;
      if (g && r.kind === "person") a.gender = g;
      return a;
    });
}

/** A resolver for speaker mentions in `text` (used by attribution extraction); `tokens` if already at hand. */
export function createResolver(text: string, tokens?: Token[]): ActorResolver {
  return new ActorResolver(buildRegistry(text, tokens));
}

export type { ActorResolver, Resolution } from "./resolver.js";
