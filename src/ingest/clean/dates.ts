/** Date phrases in several languages → ISO dates. Used for date markers, datelines, bylines and timestamps. */

const MONTH_NAMES: Array<[number, string]> = [
  [1, "january jan enero ene janvier janv janv. januar jänner janeiro gennaio gen januari"],
  [2, "february feb febrero février févr fevrier februar fevereiro fev febbraio februari"],
  [3, "march mar marzo mars märz março marco maart mrt"],
  [4, "april apr abril abr avril aprile"],
  [5, "may mayo mai maio maggio mag mei"],
  [6, "june jun junio juin juni junho giugno giu"],
  [7, "july jul julio juillet juil juli julho luglio lug"],
  [8, "august aug agosto ago août aout augustus"],
  [9, "september sep sept septiembre setiembre septembre setembro settembre"],
  [10, "october oct octubre octobre oktober outubro ottobre ott okt"],
  [11, "november nov noviembre novembre novembro"],
  [12, "december dec diciembre dic décembre déc decembre dezember dez dezembro dicembre"],
];

const MONTHS = new Map<string, number>();
for (const [n, names] of MONTH_NAMES)
  for (const name of names.split(" ")) MONTHS.set(name.replace(/\.$/, ""), n);

const MONTH_ALT = [...MONTHS.keys()].sort((a, b) => b.length - a.length).join("|");
const M = `(${MONTH_ALT})\\.?`;
const DAY = "(\\d{1,2})(?:st|nd|rd|th|er|º|°|\\.)?";
const YEAR = "((?:19|20)\\d{2})";
const NB = "(?![\\p{L}\\p{N}])";
const WB = "(?<![\\p{L}\\p{N}])";

/** "December 5, 2025", "Dec. 5 2025" */
const MDY = new RegExp(`${WB}${M}\\s+${DAY},?\\s+${YEAR}${NB}`, "iu");
/** "5 December 2025", "5 de diciembre de 2025", "5. Dezember 2025", "5 décembre 2025" */
const DMY = new RegExp(`${WB}${DAY}\\s+(?:de\\s+)?${M},?\\s+(?:de\\s+|del\\s+)?${YEAR}${NB}`, "iu");
const ISO = /(?<!\d)((?:19|20)\d{2})-(\d{2})-(\d{2})(?!\d)/;
/** "05.12.2025" (day first), "12/05/2025" (month first unless the first number is above 12) */
const NUMERIC = /(?<![\d.])(\d{1,2})([./])(\d{1,2})\2((?:19|20)\d{2})(?![\d.])/;
/** Without a year (datelines only): "March 3", "3 de marzo", "5 Dec" */
const MD = new RegExp(`^${M}\\s+${DAY}${NB}`, "iu");
const DM = new RegExp(`^${DAY}\\s+(?:de\\s+)?${M}${NB}`, "iu");

function iso(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function monthOf(name: string | undefined): number {
  return MONTHS.get((name ?? "").toLowerCase().replace(/\.$/, "")) ?? 0;
}

export interface DateMatch {
  iso: string;
  index: number;
  length: number;
}

/** The first full date (with a year) in a text. */
export function findDate(text: string): DateMatch | undefined {
  let best: DateMatch | undefined;
  const consider = (m: RegExpExecArray | null, value: string | undefined) => {
    if (m && value && (!best || m.index < best.index))
      best = { iso: value, index: m.index, length: m[0].length };
  };
  let m = ISO.exec(text);
  consider(m, m ? iso(Number(m[1]), Number(m[2]), Number(m[3])) : undefined);
  m = MDY.exec(text);
  consider(m, m ? iso(Number(m[3]), monthOf(m[1]), Number(m[2])) : undefined);
  m = DMY.exec(text);
  consider(m, m ? iso(Number(m[3]), monthOf(m[2]), Number(m[1])) : undefined);
  m = NUMERIC.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const dayFirst = m[2] === "." || a > 12;
    consider(m, dayFirst ? iso(Number(m[4]), b, a) : iso(Number(m[4]), a, b));
  }
  return best;
}

/**
 * A month and day without a year at the start of a text ("March 3", "3 de marzo"), dated in the year that puts
 * it closest before `now` (a dateline is never far in the future).
 */
export function monthDayAt(text: string, now: Date): DateMatch | undefined {
  let month = 0;
  let day = 0;
  let m = MD.exec(text);
  if (m) {
    month = monthOf(m[1]);
    day = Number(m[2]);
  } else {
    m = DM.exec(text);
    if (m) {
      month = monthOf(m[2]);
      day = Number(m[1]);
    }
  }
  if (!m || !month) return undefined;
  let year = now.getUTCFullYear();
  const candidate = Date.UTC(year, month - 1, day);
  if (candidate > now.getTime() + 2 * 86_400_000) year -= 1;
  const value = iso(year, month, day);
  return value ? { iso: value, index: m.index, length: m[0].length } : undefined;
}
