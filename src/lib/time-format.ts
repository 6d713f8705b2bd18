// One instant written in one time zone, for people. Every page, feed, ticket body and CLI uses these styles.
import { DateTime } from 'luxon';

const STYLES = {
  /** `24 Nov 2026, 23:38 EST`: status pages and feeds. */
  long: 'd LLL yyyy, HH:mm ZZZZ',
  /** `Tue 24 Nov 2026, 14:05 EST`: when a customer will hear back (the weekday matters there). */
  day: 'ccc d LLL yyyy, HH:mm ZZZZ',
  /** `2026-11-24 10:15 EST`: ticket bodies and the tickets CLI, where columns line up. */
  compact: 'yyyy-MM-dd HH:mm ZZZZ',
} as const;

export type TimeStyle = keyof typeof STYLES;

/** `instant` as epoch milliseconds or ISO 8601 with an offset; zones without a common abbreviation show `GMT+1`. */
export function formatInstantIn(instant: number | string, timeZone: string, style: TimeStyle = 'long'): string {
  const at = typeof instant === 'number' ? DateTime.fromMillis(instant) : DateTime.fromISO(instant, { setZone: true });
  return at.setZone(timeZone).setLocale('en-US').toFormat(STYLES[style]);
}
