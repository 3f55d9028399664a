/** Fictional feed fixtures for the feed and chat-URL tests. No real people, places or outlets. */

import { createUrlGuard } from "../../src/ingest/fetch/url-guard.js";
import { loadUrlPolicy } from "../../src/ingest/fetch/url-policy-config.js";
import { silentLogger } from "../../src/logger.js";
import { openStore } from "../../src/store/open-store.js";
import type { Store } from "../../src/store/store.js";

/** Two outlets on the same event (the Corven ferry), and one on another (a library fire). Each over 150 words. */
export const FERRY_POST = [
  "The Corven island ferry ran aground on a sandbank outside Harlow harbor on Monday morning, stranding 212 passengers for almost six hours before tugboats pulled it free.",
  "The coast guard said nobody was hurt and the vessel, the Marit Vale, was towed back to Harlow with minor damage to its rudder and propeller housing.",
  "“The crew followed every procedure and the passengers stayed calm,” coast guard commander Elin Stroud told reporters on the quay in Harlow.",
  "Ferry operator Corven Lines suspended the Harlow crossing until Thursday while divers inspect the hull, and it promised full refunds to every stranded traveller.",
  "Harbor pilots have warned for months that the sandbank had shifted after the winter storms, and the port authority had scheduled dredging for the summer.",
  "Islanders who rely on the ferry for groceries and medical visits said the suspension would be hard on the elderly, and the island council asked for an emergency water taxi service.",
  "Corven Lines said a replacement vessel would be chartered from the mainland by Wednesday evening at the latest, and that the grounding would be investigated by the maritime board.",
].join("\n\n");

export const FERRY_COURIER = [
  "Some 212 passengers spent six hours aboard the stranded Marit Vale after the Corven ferry hit a sandbank near Harlow harbor on Monday, the coast guard said.",
  "Tugboats freed the Marit Vale in the early afternoon and towed it to Harlow, where inspectors found damage to the rudder and the propeller housing.",
  "Commander Elin Stroud of the coast guard praised the crew, saying the passengers stayed calm and nobody was hurt during the grounding.",
  "Corven Lines halted the Harlow crossing until Thursday, offered refunds to every stranded passenger and said divers would inspect the ferry's hull this week.",
  "Pilots at Harlow harbor had reported since the winter storms that the sandbank was moving, and dredging of the channel had been planned for the summer months.",
  "The island council asked for an emergency water taxi for residents who need the ferry to reach the mainland hospital, many of them elderly islanders.",
  "The maritime board will investigate the grounding, and Corven Lines said it would charter a replacement ferry from the mainland by Wednesday evening.",
].join("\n\n");

export const LIBRARY_FIRE = [
  "A fire gutted the reading room of the old Tamsford public library late on Saturday night, destroying thousands of books and a collection of hand-drawn town maps.",
  "Firefighters from three stations fought the blaze for four hours before bringing it under control shortly after two in the morning on Sunday.",
  "“We lost the map room, but the children's wing and the archive vault survived,” head librarian Oskar Lunde said as he surveyed the blackened shelves on Sunday.",
  "Fire chief Rosa Dahlgren said the cause was not yet known, but investigators were examining an electrical panel installed during renovations last spring.",
  "The library, built in 1894, holds the town's records of births, marriages and land sales, most of which are kept in the fireproof archive vault beneath the building.",
  "Residents gathered outside on Sunday morning, and several offered to donate books; the town council said it would set up a fund to rebuild the reading room.",
  "The library will stay closed for at least three months, and its lending service will move to the Tamsford community hall from next week, the council announced.",
].join("\n\n");

function paragraphs(text: string): string {
  return text
    .split("\n\n")
    .map((p) => `<p>${p}</p>`)
    .join("");
}

export interface FixtureItem {
  guid: string;
  title: string;
  /** A link; with `text` the item carries its full text, without it the item is a teaser for the link. */
  link: string;
  text?: string;
  date?: string;
}

/** An RSS 2.0 document for `channel` with these items. */
export function rss(channel: string, items: FixtureItem[]): string {
  const body = items
    .map(
      (i) =>
        `<item><title>${i.title}</title><link>${i.link}</link><guid isPermaLink="false">${i.guid}</guid>` +
        `<pubDate>${i.date ?? "Mon, 04 May 2026 09:00:00 GMT"}</pubDate>` +
        (i.text
          ? `<content:encoded><![CDATA[${paragraphs(i.text)}]]></content:encoded>`
          : "<description>A short teaser.</description>") +
        "</item>",
    )
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${channel}</title><link>http://example.invalid/</link>${body}</channel></rss>`;
}

/** A web page holding one article. */
export function articlePage(title: string, text: string, site = "Harlow Herald"): string {
  return `<!doctype html><html lang="en"><head><title>${title} - ${site}</title><meta property="og:site_name" content="${site}"></head><body><nav><a href="/">Home</a></nav><main><article><h1>${title}</h1>${paragraphs(text)}</article></main><footer>Copyright 2026 ${site}</footer></body></html>`;
}

/** A clock tests move by hand. */
export function testClock(start = "2026-05-04T12:00:00.000Z") {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    advanceMinutes(minutes: number) {
      t += minutes * 60_000;
    },
  };
}

/** An in-memory store, a URL guard that lets the local test server (127.0.0.1) through, and test limits. */
export async function feedEnv(options: { allowed?: string; fetchTimeoutMs?: number } = {}) {
  const store: Store = await openStore(":memory:");
  const guard = createUrlGuard({
    policy: loadUrlPolicy({ NEWSDESK_ALLOWED_HOSTS: options.allowed ?? "127.0.0.1" }),
  });
  const limits = { maxBytes: 1024 * 1024, fetchTimeoutMs: options.fetchTimeoutMs ?? 2000 };
  return { store, guard, limits, logger: silentLogger };
}
