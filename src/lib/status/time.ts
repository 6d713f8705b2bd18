// Timestamps in incidents.json: ISO 8601 with an explicit offset, so "14:02" never means two instants.
import { DateTime } from 'luxon';
import { z } from 'zod';
import { formatInstantIn } from '../time-format.ts';

const timestampExample = '2026-11-20T14:02:00Z';
const offsetTimestamp = z.iso.datetime({ offset: true });

export function isOffsetTimestamp(value: unknown): value is string {
  return offsetTimestamp.safeParse(value).success;
}

/** Why a timestamp is rejected, and how to write it. */
export function timestampProblem(input: unknown): string {
  if (input === undefined) return `is required, e.g. "${timestampExample}"`;
  if (typeof input !== 'string') return `must be a timestamp string like "${timestampExample}"`;
  if (/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?$/.test(input))
    return `"${input}" has no time-zone offset: add Z for UTC or +hh:mm, e.g. "${timestampExample}"`;
  if (/^\d{4}-\d\d-\d\dT\d\d:\d\d(Z|[+-]\d\d:\d\d)$/.test(input))
    return `"${input}" needs seconds: write it like "${timestampExample}"`;
  return `"${input}" is not a valid ISO 8601 timestamp: write it like "${timestampExample}" (UTC) or with +hh:mm`;
}

/** An instant: a Date, an ISO string with offset, or epoch milliseconds. */
export type Instant = Date | string | number;

export function toMillis(instant: Instant): number {
  const ms =
    typeof instant === 'string' ? Date.parse(instant) : typeof instant === 'number' ? instant : instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`not a valid instant: ${String(instant)}`);
  return ms;
}

/** `2026-11-20T14:02:00Z`: the form written to incidents.json (seconds, no milliseconds). */
export function toTimestamp(instant: Instant): string {
  return new Date(toMillis(instant)).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `24 Nov 2026, 23:38 EST`: how the status page writes a time in the support team's zone. */
export function formatInZone(instant: Instant, timeZone: string): string {
  return formatInstantIn(toMillis(instant), timeZone);
}

/**
 * An instant given on a command line (`--at`): any ISO 8601 date-time with an offset, minutes or seconds, `Z`,
 * `+hh:mm` or `+hh` (what other tools print), as a UTC timestamp; undefined when it is not one.
 */
export function parseInstantArgument(input: string): string | undefined {
  if (!/(Z|[+-]\d\d(:?\d\d)?)$/i.test(input) || !/T\d\d:\d\d/.test(input)) return undefined;
  const parsed = DateTime.fromISO(input, { setZone: true });
  return parsed.isValid ? (parsed.toUTC().toISO({ suppressMilliseconds: true }) ?? undefined) : undefined;
}
