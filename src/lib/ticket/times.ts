// When a customer will hear back, written for people: one instant in a given zone.
import { DateTime } from 'luxon';

/** `Tue 24 Nov 2026, 14:05 EST` (or `GMT+1` where a zone has no common abbreviation). */
export function formatTimeIn(iso: string, timeZone: string): string {
  return DateTime.fromISO(iso, { setZone: true })
    .setZone(timeZone)
    .setLocale('en-US')
    .toFormat('ccc d LLL yyyy, HH:mm ZZZZ');
}
