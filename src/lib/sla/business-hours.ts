// The policy's business hours as real instants: opening spans of a local day, skipping weekends and holidays.
import { DateTime } from 'luxon';
import { minutesOfDay, WEEKDAYS, type SupportPolicy } from '../policy/schema.ts';

/** An opening span as epoch milliseconds: [opens, closes). */
interface OpenSpan {
  opens: number;
  closes: number;
}

export interface BusinessCalendar {
  zone: string;
  holidays: ReadonlySet<string>;
  weekSpans: SupportPolicy['businessHours'];
  /** The opening spans of each local date asked about so far: a date's spans never change for one policy. */
  days: Map<string, OpenSpan[]>;
}

// One calendar per policy object, so every ticket filed under a policy shares the dates already worked out:
// turning wall-clock hours into instants (time zone rules, daylight saving) is the costly part of a due time.
const calendars = new WeakMap<SupportPolicy, BusinessCalendar>();

/** Dates remembered per calendar; about ten years of dates, cleared when full (a cache, not a record). */
const MAX_REMEMBERED_DAYS = 4000;

export function businessCalendar(policy: SupportPolicy): BusinessCalendar {
  let calendar = calendars.get(policy);
  if (!calendar) {
    calendar = {
      zone: policy.timeZone,
      holidays: new Set(policy.holidays),
      weekSpans: policy.businessHours,
      days: new Map(),
    };
    calendars.set(policy, calendar);
  }
  return calendar;
}

/** The opening spans of a local date `YYYY-MM-DD` (none on a closed weekday or a holiday). */
function openSpansOn(date: string, calendar: BusinessCalendar): OpenSpan[] {
  let spans = calendar.days.get(date);
  if (spans) return spans;
  if (calendar.holidays.has(date)) spans = [];
  else {
    const day = DateTime.fromISO(date, { zone: calendar.zone });
    spans = calendar.weekSpans[WEEKDAYS[day.weekday - 1]!].map(([opens, closes]) => ({
      opens: wallClock(day, opens).toMillis(),
      closes: wallClock(day, closes).toMillis(),
    }));
  }
  if (calendar.days.size >= MAX_REMEMBERED_DAYS) calendar.days.clear();
  calendar.days.set(date, spans);
  return spans;
}

/** The local date of an instant in the calendar's zone. */
function localDate(instant: DateTime, calendar: BusinessCalendar): string {
  return instant.setZone(calendar.zone).toISODate()!;
}

/** The calendar date after `date` (plain date arithmetic: no time zone is involved in counting days). */
function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
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

/**
 * An instant with its local date in the calendar's zone, worked out once: finding a date's zone offset is the
 * costly step (Intl), and a ticket's due times and after-hours flag all start from the same instant.
 */
export interface CalendarInstant {
  ms: number;
  date: string;
}

export function calendarInstant(instant: DateTime, calendar: BusinessCalendar): CalendarInstant {
  return { ms: instant.toMillis(), date: localDate(instant, calendar) };
}

export function isOpenAt({ ms, date }: CalendarInstant, calendar: BusinessCalendar): boolean {
  return openSpansOn(date, calendar).some((s) => s.opens <= ms && ms < s.closes);
}

/** Safety stop: a policy with opening hours reaches any target well within ten years. */
const MAX_DAYS = 3660;

/**
 * The earliest instant (epoch ms) at which `minutes` of business time have elapsed since `start`: counting
 * starts at the next opening, skips closed days, and a target that runs out exactly at closing is due at closing.
 */
export function businessDue(start: CalendarInstant, minutes: number, calendar: BusinessCalendar): number {
  let remainingMs = minutes * 60_000;
  let date = start.date;
  for (let i = 0; i < MAX_DAYS; i++) {
    for (const span of openSpansOn(date, calendar)) {
      const from = Math.max(span.opens, start.ms);
      const availableMs = span.closes - from;
      if (availableMs <= 0) continue;
      if (remainingMs <= availableMs) return from + remainingMs;
      remainingMs -= availableMs;
    }
    date = nextDate(date);
  }
  throw new Error(
    `no business hours within ${MAX_DAYS} days of ${new Date(start.ms).toISOString()}: check businessHours`,
  );
}

/** `businessDue` for a DateTime, in the calendar's zone. */
export function addBusinessMinutes(start: DateTime, minutes: number, calendar: BusinessCalendar): DateTime {
  return DateTime.fromMillis(businessDue(calendarInstant(start, calendar), minutes, calendar), { zone: calendar.zone });
}
