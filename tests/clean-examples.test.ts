/**
 * Whole articles written for these tests (not copied from any site), each with boilerplate worded differently
 * from the others, in several languages and block kinds. Every story paragraph must survive, every piece of
 * boilerplate must go.
 */
import { describe, expect, it } from "vitest";
import type { Block } from "../src/ingest/blocks.js";
import { cleanBlocks } from "../src/ingest/clean/index.js";
import { lines } from "./helpers/clean-fixtures.js";

const texts = (blocks: Block[]) => blocks.map((b) => b.text);

describe("whole articles", () => {
  it("cleans an English wire story given as HTML blocks", () => {
    const story = [
      "PORTLAND, Ore., March 14, 2024 (AP) — The city council voted 7-2 on Thursday to approve a $40 million plan to repair the aging Burnside Bridge, ending months of debate over how to pay for the work.",
      "The plan relies on a mix of state grants and a temporary increase in parking fees downtown, which business owners had opposed during three public hearings.",
      "What happens next",
      "Construction is expected to start in the fall and last about two years. Officials said one lane will remain open in each direction for most of that time.",
      "“We cannot wait for the bridge to fail before we act,” said council member Ana Ruiz.",
      "Critics argued that the parking fee would push shoppers to suburban malls and asked the council to consider a bond measure instead.",
    ];
    const blocks: Block[] = [
      { kind: "heading", level: 1, text: "City council approves $40 million bridge repair plan" },
      { kind: "paragraph", text: "By Laura Kim and Tom Becker" },
      { kind: "paragraph", text: "Published March 14, 2024 at 6:05 p.m. ET" },
      { kind: "paragraph", text: "Share this article" },
      { kind: "paragraph", text: story[0] ?? "" },
      { kind: "paragraph", text: "Listen to this article · 4 min" },
      { kind: "paragraph", text: story[1] ?? "" },
      { kind: "paragraph", text: "ADVERTISEMENT" },
      { kind: "heading", level: 2, text: story[2] ?? "" },
      { kind: "paragraph", text: story[3] ?? "" },
      {
        kind: "paragraph",
        text: "Council members listen to public comment at City Hall on Thursday. (AP Photo/Jane Roe)",
      },
      { kind: "quote", text: story[4] ?? "" },
      { kind: "paragraph", text: "Read more: Transit agency weighs fare increase as ridership lags" },
      { kind: "paragraph", text: story[5] ?? "" },
      { kind: "paragraph", text: "Associated Press writer Mark Lee contributed to this report from Salem." },
      { kind: "heading", level: 2, text: "Related Stories" },
      { kind: "list-item", text: "Transit agency weighs fare increase" },
      { kind: "list-item", text: "Downtown businesses brace for construction" },
      {
        kind: "paragraph",
        text: "Copyright 2024 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
      },
      {
        kind: "paragraph",
        text: "We use cookies to improve your experience. By continuing to browse, you agree to our cookie policy.",
      },
    ];
    const r = cleanBlocks(blocks);
    expect(texts(r.blocks)).toEqual(story);
    expect(r.blocks[2]).toEqual({ kind: "heading", level: 2, text: "What happens next" });
    expect(r.meta).toEqual({
      title: "City council approves $40 million bridge repair plan",
      author: "Laura Kim, Tom Becker",
      publishedAt: "2024-03-14",
      sourceHint: "The Associated Press",
    });
    expect(r.language).toBe("en");
  });

  it("cleans a German story", () => {
    const story = [
      "Der Stadtrat hat am Donnerstag mit großer Mehrheit die Sanierung der maroden Rheinbrücke beschlossen. Die Kosten von rund 40 Millionen Euro sollen zum Teil vom Land übernommen werden.",
      "Die Bauarbeiten sollen im Herbst beginnen und etwa zwei Jahre dauern. Während dieser Zeit bleibt nach Angaben der Stadt jeweils eine Fahrspur in beide Richtungen geöffnet.",
      "Was jetzt passiert",
      "„Wir können nicht warten, bis die Brücke gesperrt werden muss“, sagte Bürgermeisterin Anna Schulz.",
      "Kritik kam von der Opposition, die eine Finanzierung über Anleihen gefordert hatte und vor steigenden Parkgebühren in der Innenstadt warnt.",
    ];
    const r = cleanBlocks(
      lines(
        "Anzeige",
        "Stadtrat beschließt Sanierung der Rheinbrücke",
        "Von Julia Weber",
        "14.03.2024, 18:05 Uhr",
        story[0] ?? "",
        "Lesen Sie auch: Verkehrsbetriebe erhöhen die Preise für Monatskarten",
        story[1] ?? "",
        story[2] ?? "",
        story[3] ?? "",
        story[4] ?? "",
        "Artikel teilen",
        "Meistgelesen",
        "Polizei sucht Zeugen nach Unfall auf der A3",
        "Neues Hallenbad öffnet im Sommer",
        "Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten. Mit der Nutzung der Seite stimmen Sie zu.",
        "© 2024 Rheinische Rundschau",
      ),
    );
    expect(texts(r.blocks)).toEqual(story);
    expect(r.language).toBe("de");
    expect(r.meta).toEqual({
      title: "Stadtrat beschließt Sanierung der Rheinbrücke",
      author: "Julia Weber",
      publishedAt: "2024-03-14",
      sourceHint: "Rheinische Rundschau",
    });
  });

  it("cleans a French story behind a paywall notice", () => {
    const story = [
      "Le conseil municipal a approuvé jeudi un plan de 40 millions d'euros pour rénover le vieux pont, mettant fin à plusieurs mois de débats sur le financement des travaux.",
      "Les travaux doivent commencer à l'automne et durer environ deux ans. Une voie restera ouverte dans chaque sens pendant la plus grande partie du chantier.",
      "« Nous ne pouvons pas attendre que le pont s'effondre », a déclaré l'adjointe au maire, Sophie Durand.",
      "L'opposition a critiqué la hausse des tarifs de stationnement et réclamé un emprunt pour financer le projet.",
    ];
    const r = cleanBlocks(
      lines(
        "Publicité",
        "Le conseil municipal adopte la rénovation du pont",
        "Par Claire Martin",
        "Publié le 14 mars 2024 à 18h05",
        story[0] ?? "",
        "Lire aussi : Les transports en commun augmentent leurs tarifs",
        story[1] ?? "",
        story[2] ?? "",
        story[3] ?? "",
        "Cet article est réservé aux abonnés. Abonnez-vous pour lire la suite.",
        "Les plus lus",
        "- Grève des enseignants : les écoles fermées mardi",
        "- Un nouveau parc ouvre ses portes au centre-ville",
      ),
    );
    expect(texts(r.blocks)).toEqual(story);
    expect(r.language).toBe("fr");
    expect(r.meta.title).toBe("Le conseil municipal adopte la rénovation du pont");
    expect(r.meta.author).toBe("Claire Martin");
    expect(r.meta.publishedAt).toBe("2024-03-14");
  });

  it("cleans an English story without a headline, with a caption, a Spanish list and an author box", () => {
    const story = [
      "Thousands of people marched through the Peruvian capital on Saturday to demand the resignation of the interior minister, in the largest protest the country has seen this year.",
      "The demonstrators, many of them students, blocked the main avenue for several hours before police dispersed the crowd with tear gas near the Congress building.",
      "“We are tired of promises,” said Lucía Paredes, a 21-year-old law student.",
      "Government officials said the minister had no plans to step down and accused opposition parties of organizing the protest to destabilize the administration.",
    ];
    const r = cleanBlocks(
      lines(
        "Protesters march through downtown Lima on Saturday. Photo: Carlos Ruiz/Reuters",
        story[0] ?? "",
        story[1] ?? "",
        "Get our free morning briefing delivered to your inbox every weekday.",
        story[2] ?? "",
        story[3] ?? "",
        "Más noticias",
        "Otra marcha convocada para el próximo sábado en Arequipa",
        "Congreso debate una nueva reforma electoral",
        "About the author",
        "Maria Lopez",
        "Senior Latin America Correspondent",
        "Maria Lopez is a correspondent based in Lima who covers politics and human rights across the Andean region.",
      ),
    );
    expect(texts(r.blocks)).toEqual(story);
    expect(r.meta.author).toBe("Maria Lopez");
    expect(r.meta.title).toBe(
      "Thousands of people marched through the Peruvian capital on Saturday to demand the resignation…",
    );
  });

  it("cleans a feature with a glued teaser, a chip, a lead-in list and a closing line", () => {
    const r = cleanBlocks(
      lines(
        "Museum reopens after five-year renovation",
        "The city's oldest museum welcomed visitors again on Sunday after a renovation that cost more than twice the original estimate.",
        "Officials said the new galleries would allow the museum to show about a third of its collection, up from less than a tenth before the work began in 2019.",
        "Arts & Culture Orchestra cancels season opener The orchestra said a dispute with musicians had not been resolved in time for the concert planned for next month.",
        "Attendance at the reopening was strong, with lines stretching around the block before the doors opened, according to the museum's director. reuters.com+2",
        "The director said:",
        "“People have waited a long time for this. We wanted the first day to feel like a celebration.”",
        "The renovation added:",
        "- a new climate-controlled storage wing",
        "- a rooftop sculpture garden",
        "The museum will be open every day except Monday.",
        "Sponsored",
        "Share on Facebook Share on X Email",
        "Most Popular",
        "Five things to do this weekend",
        "Why rents keep rising downtown",
      ),
    );
    expect(texts(r.blocks)).toEqual([
      "The city's oldest museum welcomed visitors again on Sunday after a renovation that cost more than twice the original estimate.",
      "Officials said the new galleries would allow the museum to show about a third of its collection, up from less than a tenth before the work began in 2019.",
      "Attendance at the reopening was strong, with lines stretching around the block before the doors opened, according to the museum's director.",
      "The director said:",
      "“People have waited a long time for this. We wanted the first day to feel like a celebration.”",
      "The renovation added:",
      "- a new climate-controlled storage wing",
      "- a rooftop sculpture garden",
      "The museum will be open every day except Monday.",
    ]);
    expect(r.meta.title).toBe("Museum reopens after five-year renovation");
  });

  it("cleans articles fast enough for bulk ingestion", () => {
    const para = (i: number) =>
      `Paragraph ${i} of the story explains how the council reached its decision on the bridge, who voted for it and what residents said at the hearing on Thursday.`;
    const article = lines(
      "Bridge repairs approved after months of debate",
      "By Laura Kim",
      ...Array.from({ length: 12 }, (_, i) => para(i)),
      "Advertisement",
      "Related stories",
      "Ferry fares rise again",
      "© 2024 Harbor Media Group",
    );
    const r = cleanBlocks(article);
    expect(r.blocks).toHaveLength(12);
    expect(r.removed.map((x) => x.rule)).toContain("link-list");
  });
});
