// The support policy in words, for the pages that explain it. Every number comes from the policy file.
import { PRIORITIES, WEEKDAYS, minutesOfDay, type Priority, type SupportPolicy } from './schema.ts';

export interface PriorityRow {
  priority: Priority;
  label: string;
  meaning: string;
  firstResponse: string;
  resolution: string;
}

/** Each priority as a customer reads it: on the policy table, the ticket form's review and its receipt. */
export const priorityLabels: Record<Priority, string> = {
  critical: 'Critical',
  high: 'High',
  normal: 'Normal',
  low: 'Low',
};

// Each sentence states a rule of src/lib/triage/triage.ts; test/unit/policy/describe.test.ts checks the two agree.
function meaning(priority: Priority, policy: SupportPolicy): string {
  const share = `${Math.round(policy.thresholds.criticalShare * 100)}%`;
  switch (priority) {
    case 'critical':
      return `Service down for at least ${share} of your users: they cannot make or receive calls, send faxes or texts, or their phones will not register.`;
    case 'high':
      return `Service down for fewer than ${share} of your users, or degraded or intermittent for any number (one-way audio, calls failing to some areas); the customer portal not working, for any number of users (calls still work); a new service that cannot make or receive calls on its go-live or port day. A critical problem with a working workaround is high. After business hours, call the emergency line too.`;
    case 'normal':
      return 'Something that used to work misbehaves without stopping calls: voicemail, call routing, caller ID name, porting, billing, your account and its security. A high problem with a working workaround is normal.';
    case 'low':
      return 'Setup and configuration, questions, feature requests, and anything else that has never worked yet.';
  }
}

/** Length of the longest business day, in minutes: turns business minutes into business days. */
function businessDayMinutes(policy: SupportPolicy): number {
  return Math.max(
    0,
    ...WEEKDAYS.map((day) =>
      policy.businessHours[day].reduce((sum, [open, close]) => sum + minutesOfDay(close) - minutesOfDay(open), 0),
    ),
  );
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

export function formatTarget(minutes: number | null, clock: '24x7' | 'business', policy: SupportPolicy): string {
  if (minutes === null) return 'Best effort';
  if (clock === '24x7') {
    if (minutes < 60) return `${plural(minutes, 'minute')}, around the clock`;
    if (minutes % 1440 === 0) return `${plural(minutes / 1440, 'day')}, around the clock`;
    return `${plural(Math.round((minutes / 60) * 10) / 10, 'hour')}, around the clock`;
  }
  const day = businessDayMinutes(policy);
  if (day > 0 && minutes % day === 0) return plural(minutes / day, 'business day');
  if (minutes < 60) return plural(minutes, 'business minute');
  return plural(Math.round((minutes / 60) * 10) / 10, 'business hour');
}

export function priorityTable(policy: SupportPolicy): PriorityRow[] {
  return PRIORITIES.map((priority) => {
    const targets = policy.severities[priority];
    return {
      priority,
      label: priorityLabels[priority],
      meaning: meaning(priority, policy),
      firstResponse: formatTarget(targets.firstResponseMinutes, targets.clock, policy),
      resolution: formatTarget(targets.resolutionMinutes, targets.clock, policy),
    };
  });
}
