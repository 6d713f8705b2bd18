// Priority + submission time -> when the customer must hear back and when it must be fixed.
import { DateTime } from 'luxon';
import type { Priority, SupportPolicy } from '../policy/schema.ts';
import { addBusinessMinutes, businessCalendar, isOpenAt, type BusinessCalendar } from './business-hours.ts';

export interface SlaDue {
  clock: '24x7' | 'business';
  /** Filed outside business hours (weekend, holiday, before opening or after closing). */
  afterHours: boolean;
  firstResponseDue: string;
  /** null: best effort, the policy sets no resolution target for this priority. */
  resolutionDue: string | null;
}

export function slaFor(priority: Priority, submittedAt: string, policy: SupportPolicy): SlaDue {
  const start = DateTime.fromISO(submittedAt, { setZone: true });
  if (!start.isValid) throw new Error(`submittedAt: "${submittedAt}" is not an ISO 8601 date-time`);
  const calendar = businessCalendar(policy);
  const targets = policy.severities[priority];
  const due = (minutes: number) => toInstant(dueAfter(start, minutes, targets.clock, calendar));
  return {
    clock: targets.clock,
    afterHours: !isOpenAt(start, calendar),
    firstResponseDue: due(targets.firstResponseMinutes),
    resolutionDue: targets.resolutionMinutes === null ? null : due(targets.resolutionMinutes),
  };
}

function dueAfter(start: DateTime, minutes: number, clock: SlaDue['clock'], calendar: BusinessCalendar): DateTime {
  // 24x7 counts elapsed time, so a daylight-saving night is no shorter or longer than it really is.
  return clock === '24x7'
    ? start.plus({ milliseconds: minutes * 60_000 })
    : addBusinessMinutes(start, minutes, calendar);
}

/** UTC ISO 8601, without milliseconds when they are zero: `2026-11-24T19:00:00Z`. */
function toInstant(instant: DateTime): string {
  return instant.toUTC().toISO({ suppressMilliseconds: true })!;
}
