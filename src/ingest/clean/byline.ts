/** Bylines ("By Jane Doe and John Roe | Reuters") and standalone publication timestamps. */
import { findDate } from "./dates.js";
import { hintSource } from "./source-hint.js";
import { isPersonName, JOB_NOUN, labelKey } from "./text.js";
import type { BlockRule, State } from "./types.js";

const BY =
  /^(?:by|por|par|von|di|door|written by|words by|text(?:o|e)?\s*:|autor(?:a)?\s*:|author\s*:|auteur\s*:)\s+/iu;
const NAME_SEPARATOR = /\s*(?:,\s*(?:and\s+|y\s+|et\s+|und\s+|e\s+|en\s+)?|\s+(?:and|y|et|und|e|en|&)\s+)/u;
const WIRE =
  /^(?:the )?(?:associated press|ap|reuters|afp|agence france-presse|bloomberg(?: news)?|efe|dpa|ansa|europa press)$/iu;

/** A name part that is an outlet rather than a person: "Meridian Wire", "The Daily Post", "Canal Noticias". */
const OUTLET =
  /\b(?:wire|post|times|news|herald|ledger|courier|journal|tribune|gazette|press|daily|media|agency|chronicle|observer|standard|telegraph|guardian|review|weekly|radio|tv|noticias|diario|zeitung|nachrichten|presse|giornale|corriere|jornal)\b/iu;

/** Names of a byline, or undefined when the text is not one. */
function readByline(text: string): { names: string[]; rest: string[] } | undefined {
  const m = BY.exec(text);
  if (!m) return undefined;
  const body = text.slice(m[0].length).trim();
  // Segments after the names: "| Reuters", "— Dec. 5, 2025", "Staff Writer".
  const [namePart = "", ...rest] = body.split(/\s*[|·•—–]\s*|\s+-\s+/u);
  const names: string[] = [];
  const parts = namePart.split(NAME_SEPARATOR).filter(Boolean);
  for (const [i, p] of parts.entries()) {
    if (isPersonName(p) && !JOB_NOUN.test(p) && !WIRE.test(p) && !OUTLET.test(p)) {
      names.push(p);
      continue;
    }
    if (i === 0) return undefined;
    rest.unshift(...parts.slice(i));
    break;
  }
  return names.length > 0 ? { names, rest } : undefined;
}

export const byline: BlockRule = (item, st) => {
  if (item.words > 18) return null;
  const b = readByline(item.text);
  if (!b) return null;
  if (!st.meta.author) st.meta.author = b.names.join(", ");
  for (const r of b.rest) {
    const d = findDate(r);
    if (d && !st.meta.publishedAt) st.meta.publishedAt = d.iso;
    else if (WIRE.test(r.trim()) || OUTLET.test(r)) hintSource(st, r);
  }
  return "byline";
};

const STAMP_LABEL =
  /^(?:(?:first |originally )?published|posted|updated|last updated|modified|publicado|actualizado|modificado|publié|mis à jour|modifié|veröffentlicht|aktualisiert|stand|pubblicato|aggiornato|atualizado|gepubliceerd|bijgewerkt)(?:\s*(?:on|el|le|am|em|il|op|at|:))*\s*/iu;
const PUBLISHED =
  /^(?:(?:first |originally )?published|posted|publicado|publié|veröffentlicht|pubblicato|gepubliceerd)/iu;
const WEEKDAY =
  /(?<![\p{L}])(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?|(?:lunes|martes|miércoles|jueves|viernes|sábado|domingo|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|segunda|terça|quarta|quinta|sexta|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica)(?:-feira)?(?![\p{L}])/giu;
/** What may stand around the date in a timestamp line: times, time zones, separators. */
const STAMP_REST =
  /^(?:[\s,.|·•–—/-]|\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?\s?m\.?)?|\d{1,2}\s*[ap]\.?\s?m\.?|at|a las|à|um|às|alle|om|uhr|hrs?|[A-Z]{2,4}T|GMT|UTC|CET|CEST|ET|PT|[+-]\d{1,2}(?::?\d{2})?)*$/iu;
const RELATIVE =
  /^(?:updated |published |posted )?(?:\d+|an?|one) (?:min(?:ute)?s?|hours?|hrs?|days?|weeks?) ago$|^hace \d+ (?:minutos?|horas?|días?)$|^il y a \d+ (?:minutes?|heures?|jours?)$|^vor \d+ (?:minuten?|stunden?|tagen?)$|^há \d+ (?:minutos?|horas?|dias?)$|^\d+ (?:minuti|ore|giorni) fa$/iu;

/** A line that is only a date (optionally labelled and with a time): "Published Dec. 5, 2025 6:04 p.m. ET". */
function readTimestamp(text: string): { date?: string; labelled: boolean; published: boolean } | undefined {
  if (text.length > 90 || !/\d/.test(text)) return undefined;
  if (RELATIVE.test(labelKey(text))) return { labelled: true, published: false };
  const label = STAMP_LABEL.exec(text);
  const body = label ? text.slice(label[0].length) : text;
  const d = findDate(body);
  if (!d) return undefined;
  const rest = `${body.slice(0, d.index)} ${body.slice(d.index + d.length)}`.replace(WEEKDAY, " ");
  if (!STAMP_REST.test(rest)) return undefined;
  return { date: d.iso, labelled: label !== null, published: label === null || PUBLISHED.test(text) };
}

/** Labelled timestamps anywhere; unlabelled date lines are handled by the head-zone pass. */
/** "… by Jane Doe" closing a timestamp line ("Posted on May 5, 2025 by Jane Doe"). */
const TRAILING_AUTHOR = /\s+(?:by|por|par|von|di|door)\s+([^,|]{3,50})$/u;

export const timestamp: BlockRule = (item, st) => {
  if (item.words > 20) return null;
  const by = TRAILING_AUTHOR.exec(item.text);
  const author = by?.[1] && isPersonName(by[1]) ? by[1] : undefined;
  const t = readTimestamp(author && by ? item.text.slice(0, by.index) : item.text);
  if (!t?.labelled) return null;
  if (author && !st.meta.author) st.meta.author = author;
  if (t.date && t.published && !st.meta.publishedAt) st.meta.publishedAt = t.date;
  return "timestamp";
};

/** Date-only lines before the story starts. */
export function headTimestamps(st: State, firstStory: number): void {
  const end = firstStory < 0 ? Math.min(st.items.length, 6) : firstStory;
  for (let i = 0; i < end; i++) {
    const it = st.items[i];
    if (!it || it.removed !== null || it.words > 16) continue;
    const t = readTimestamp(it.text);
    if (!t) continue;
    if (t.date && !st.meta.publishedAt) st.meta.publishedAt = t.date;
    it.removed = "timestamp";
  }
}
