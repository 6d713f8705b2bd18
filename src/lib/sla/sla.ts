// Priority + submission time -> when the customer must hear back and when it must be fixed.
import { DateTime } from 'luxon';
import type { Priority, SupportPolicy } from '../policy/schema.ts';
import { businessCalendar, businessDue, calendarInstant, isOpenAt } from './business-hours.ts';

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
  return slaAt(priority, start, policy);
}

/** `slaFor` from a DateTime: one already in the policy's zone (a ticket being filed) needs no zone lookup. */
export function slaAt(priority: Priority, start: DateTime, policy: SupportPolicy): SlaDue {
  const calendar = businessCalendar(policy);
  const at = calendarInstant(start, calendar);
  const targets = policy.severities[priority];
  // 24x7 counts elapsed time, so a daylight-saving night is no shorter or longer than it really is.
  const due = (minutes: number) =>
    toInstant(targets.clock === '24x7' ? at.ms + minutes * 60_000 : businessDue(at, minutes, calendar));
  return {
    clock: targets.clock,
    afterHours: !isOpenAt(at, calendar),
    firstResponseDue: due(targets.firstResponseMinutes),
    resolutionDue: targets.resolutionMinutes === null ? null : due(targets.resolutionMinutes),
  };
}

/** UTC ISO 8601, without milliseconds when they are zero: `2026-11-24T19:00:00Z`. */
function toInstant(ms: number): string {
  const iso = new Date(ms).toISOString();
  return ms % 1000 === 0 ? iso.replace('.000Z', 'Z') : iso;
}
