// The policy's business hours as real instants: opening spans of a local day, skipping weekends and holidays.
import { DateTime } from 'luxon';
import { minutesOfDay, WEEKDAYS, type SupportPolicy } from '../policy/schema.ts';

export interface OpenSpan {
  opens: DateTime;
  closes: DateTime;
}

export interface BusinessCalendar {
  zone: string;
  holidays: ReadonlySet<string>;
  weekSpans: SupportPolicy['businessHours'];
}

export function businessCalendar(policy: SupportPolicy): BusinessCalendar {
  return {
    zone: policy.timeZone,
    holidays: new Set(policy.holidays),
    weekSpans: policy.businessHours,
  };
}

/** The opening spans of the local day containing `instant` (empty on a closed weekday or a holiday). */
function openSpansOn(instant: DateTime, calendar: BusinessCalendar): OpenSpan[] {
  const day = instant.setZone(calendar.zone);
  if (calendar.holidays.has(day.toISODate()!)) return [];
  const spans = calendar.weekSpans[WEEKDAYS[day.weekday - 1]!];
  return spans.map(([opens, closes]) => ({
    opens: wallClock(day, opens),
    closes: wallClock(day, closes),
  }));
}

/**
 * The instant a wall-clock time occurs on `day`: "24:00" is the next midnight, a time skipped by spring forward
 * moves forward, and a time that occurs twice at fall back is its first occurrence.
 */
function wallClock(day: DateTime, hhmm: string): DateTime {
  const minutes = minutesOfDay(hhmm);
  if (minutes === 24 * 60) return day.plus({ days: 1 }).startOf('day');
  const wall = { hour: Math.floor(minutes / 60), minute: minutes % 60 };
  const later = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, ...wall }, { zone: day.zone });
  const dayStart = day.startOf('day');
  const earlier = later.minus({ minutes: dayStart.offset - later.offset });
  const sameWallClock = earlier.hour === wall.hour && earlier.minute === wall.minute && earlier.day === later.day;
  return earlier < later && sameWallClock ? earlier : later;
}

export function isOpenAt(instant: DateTime, calendar: BusinessCalendar): boolean {
  const t = instant.toMillis();
  return openSpansOn(instant, calendar).some((s) => s.opens.toMillis() <= t && t < s.closes.toMillis());
}

/** Safety stop: a policy with opening hours reaches any target well within ten years. */
const MAX_DAYS = 3660;

/**
 * The earliest instant at which `minutes` of business time have elapsed since `start`: counting starts at
 * the next opening, skips closed days, and a target that runs out exactly at closing is due at closing.
 */
export function addBusinessMinutes(start: DateTime, minutes: number, calendar: BusinessCalendar): DateTime {
  let remainingMs = minutes * 60_000;
  let day = start.setZone(calendar.zone).startOf('day');
  for (let i = 0; i < MAX_DAYS; i++) {
    for (const span of openSpansOn(day, calendar)) {
      const from = Math.max(span.opens.toMillis(), start.toMillis());
      const availableMs = span.closes.toMillis() - from;
      if (availableMs <= 0) continue;
      if (remainingMs <= availableMs) return DateTime.fromMillis(from + remainingMs, { zone: calendar.zone });
      remainingMs -= availableMs;
    }
    day = day.plus({ days: 1 }).startOf('day');
  }
  throw new Error(`no business hours within ${MAX_DAYS} days of ${start.toISO()}: check businessHours`);
}
