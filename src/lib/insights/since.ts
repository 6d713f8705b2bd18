// `--since 30d`: how far back a report looks, as the CLIs take it (days, weeks, hours, or a date).
const UNITS: Record<string, number> = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/** The instant `--since` means at `now`: `30d`, `12h`, `2w`, or a day `2026-11-01` (UTC midnight). */
export function parseSince(value: string, now: Date): Date | { error: string } {
  const span = /^(\d{1,4})([hdw])$/.exec(value.trim());
  if (span) return new Date(now.getTime() - Number(span[1]) * UNITS[span[2]!]!);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value.trim())) {
    const day = new Date(`${value.trim()}T00:00:00Z`);
    if (!Number.isNaN(day.getTime())) return day;
  }
  return {
    error: `--since "${value}" is not a span or a day: use e.g. 30d (days), 12h (hours), 2w (weeks) or 2026-11-01`,
  };
}
