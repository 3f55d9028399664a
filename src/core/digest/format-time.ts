const formats = new Map<string, Intl.DateTimeFormat>();

function format(zone: string): Intl.DateTimeFormat {
  let f = formats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", {
      timeZone: zone,
      weekday: "short",
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZoneName: "short",
    });
    formats.set(zone, f);
  }
  return f;
}

/** "Tue 5 May 2026, 08:00 CEST": an instant as the channel's clock shows it (the same on every ICU version). */
export function formatInZone(instant: Date, zone: string): string {
  const p: Record<string, string> = {};
  for (const part of format(zone).formatToParts(instant)) p[part.type] = part.value;
  return `${p.weekday} ${p.day} ${p.month} ${p.year}, ${p.hour}:${p.minute} ${p.timeZoneName}`;
}

/** "every day at 08:00 (Europe/Berlin)" or "weekdays at 07:30 (UTC)". */
export function describeSchedule(s: { time: string; zone: string; days: "daily" | "weekdays" }): string {
  return `${s.days === "weekdays" ? "weekdays" : "every day"} at ${s.time} (${s.zone})`;
}
