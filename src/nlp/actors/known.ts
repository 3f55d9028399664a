/**
 * A little world knowledge about figures the product's news sources mention constantly: gender, country and the
 * descriptions reporters use for them ("the magnate", "the Republican"). It is consulted only for an actor the text
 * itself names, and what the text says (its appositions and pronouns) comes first.
 */

export interface KnownActor {
  name: string;
  gender: "f" | "m";
  /** Country key (see COUNTRIES). */
  country: string;
  /** Role nouns and labels that refer to this person when the text names no one else with them. */
  descriptors: string[];
  /** "r" or "d" for US party politicians: "the Republican nominee" is never a Democrat. */
  party?: "r" | "d";
}

export const KNOWN_ACTORS: readonly KnownActor[] = [
  {
    name: "Donald Trump",
    gender: "m",
    country: "us",
    descriptors: [
      "president",
      "magnate",
      "tycoon",
      "billionaire",
      "mogul",
      "republican",
      "businessman",
      "president-elect",
    ],
    party: "r",
  },
  {
    name: "Claudia Sheinbaum",
    gender: "f",
    country: "mx",
    descriptors: ["president", "presidenta", "leftist", "scientist", "mayor"],
  },
  { name: "Joe Biden", gender: "m", country: "us", descriptors: ["president", "democrat"], party: "d" },
  { name: "Barack Obama", gender: "m", country: "us", descriptors: ["president", "democrat"], party: "d" },
  {
    name: "Hillary Clinton",
    gender: "f",
    country: "us",
    descriptors: ["candidate", "democrat", "nominee"],
    party: "d",
  },
  { name: "Bill Clinton", gender: "m", country: "us", descriptors: ["president", "democrat"], party: "d" },
  {
    name: "Kamala Harris",
    gender: "f",
    country: "us",
    descriptors: ["vice-president", "democrat"],
    party: "d",
  },
  {
    name: "Marco Rubio",
    gender: "m",
    country: "us",
    descriptors: ["secretary", "senator", "republican"],
    party: "r",
  },
  {
    name: "JD Vance",
    gender: "m",
    country: "us",
    descriptors: ["vice-president", "senator", "republican"],
    party: "r",
  },
  { name: "Andrés Manuel López Obrador", gender: "m", country: "mx", descriptors: ["president"] },
  { name: "Justin Trudeau", gender: "m", country: "ca", descriptors: ["minister"] },
  { name: "Mark Carney", gender: "m", country: "ca", descriptors: ["minister"] },
  { name: "Vladimir Putin", gender: "m", country: "ru", descriptors: ["president"] },
  { name: "Volodymyr Zelensky", gender: "m", country: "ua", descriptors: ["president"] },
  { name: "Xi Jinping", gender: "m", country: "cn", descriptors: ["president", "leader"] },
  { name: "Nicolás Maduro", gender: "m", country: "ve", descriptors: ["president", "leader", "strongman"] },
  {
    name: "Bernie Sanders",
    gender: "m",
    country: "us",
    descriptors: ["senator", "socialist", "candidate"],
    party: "d",
  },
  {
    name: "Ted Cruz",
    gender: "m",
    country: "us",
    descriptors: ["senator", "republican", "candidate"],
    party: "r",
  },
];

const cache = new Map<string, KnownActor | undefined>();

/** Known actor named `name`: the full name, first and last name ("Donald J. Trump"), or the bare surname. */
export function knownActor(name: string): KnownActor | undefined {
  const key = name.toLowerCase();
  if (cache.has(key)) return cache.get(key);
  const parts = key.split(/\s+/);
  const found = KNOWN_ACTORS.find((k) => {
    const full = k.name.toLowerCase().split(" ");
    if (full.at(-1) !== parts.at(-1)) return false;
    return parts.length === 1 || full[0] === parts[0];
  });
  if (cache.size > 10_000) cache.clear();
  cache.set(key, found);
  return found;
}
