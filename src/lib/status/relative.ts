// "3 hours ago" / "in 6 days" for the status page's times, in the reader's language (Intl), from `now`.
// Runs in the browser: no imports, so the page script stays small.

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** The largest unit that fits, rounded toward zero; under a minute is "now". */
export function relativeTime(at: number | string, now: number | string, locale?: string): string {
  const ms = (instant: number | string) => (typeof instant === 'number' ? instant : Date.parse(instant));
  const diff = ms(at) - ms(now);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of units) {
    const count = Math.trunc(diff / size);
    if (count !== 0) return format.format(count, unit);
  }
  return format.format(0, 'second');
}
