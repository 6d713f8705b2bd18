// How the team kept its first-response promise: each ticket's first response (read from the helpdesk) against the
// firstResponseDue our own SLA clock set when it was filed, business hours included. Pure: `now` is a parameter.
import { DateTime } from 'luxon';
import type { Priority } from '../policy/schema.ts';

export interface ResponseRecord {
  reference: string;
  priority: Priority;
  submittedAt: string;
  firstResponseDue: string;
  /** The first answer by someone other than the intake account; null while nobody has answered. */
  firstResponseAt: string | null;
}

/** met/missed: answered before/after the due time; open: not answered, not yet due; overdue: not answered, past due. */
export type ResponseOutcome = 'met' | 'missed' | 'open' | 'overdue';

export interface AttainmentRow {
  /** A priority, a month (YYYY-MM in the support team's zone), or "all". */
  key: string;
  met: number;
  missed: number;
  open: number;
  overdue: number;
  total: number;
  /** met / (met + missed + overdue): open tickets can still go either way. Null when none is decided. */
  attainment: number | null;
}

export interface Attainment {
  byPriority: AttainmentRow[];
  byMonth: AttainmentRow[];
  all: AttainmentRow;
}

const PRIORITIES: Priority[] = ['critical', 'high', 'normal', 'low'];

/** A response at the due instant itself is on time. */
export function responseOutcome(record: ResponseRecord, now: Date): ResponseOutcome {
  const due = Date.parse(record.firstResponseDue);
  if (record.firstResponseAt !== null) return Date.parse(record.firstResponseAt) <= due ? 'met' : 'missed';
  return now.getTime() > due ? 'overdue' : 'open';
}

function row(key: string, outcomes: ResponseOutcome[]): AttainmentRow {
  const count = (o: ResponseOutcome) => outcomes.filter((x) => x === o).length;
  const [met, missed, open, overdue] = [count('met'), count('missed'), count('open'), count('overdue')];
  const decided = met + missed + overdue;
  return {
    key,
    met,
    missed,
    open,
    overdue,
    total: outcomes.length,
    attainment: decided === 0 ? null : Math.round((met / decided) * 1000) / 1000,
  };
}

/** Attainment per priority (most urgent first, only those with tickets), per month of filing (oldest first), and overall. */
export function slaAttainment(records: readonly ResponseRecord[], now: Date, timeZone: string): Attainment {
  const outcomes = records.map((r) => ({ record: r, outcome: responseOutcome(r, now) }));
  const byPriority = PRIORITIES.map((p) =>
    row(
      p,
      outcomes.filter((o) => o.record.priority === p).map((o) => o.outcome),
    ),
  ).filter((r) => r.total > 0);
  const months = new Map<string, ResponseOutcome[]>();
  for (const { record, outcome } of outcomes) {
    const month = DateTime.fromISO(record.submittedAt, { zone: timeZone }).toFormat('yyyy-MM');
    months.set(month, [...(months.get(month) ?? []), outcome]);
  }
  const byMonth = [...months].sort(([a], [b]) => a.localeCompare(b)).map(([month, list]) => row(month, list));
  return {
    byPriority,
    byMonth,
    all: row(
      'all',
      outcomes.map((o) => o.outcome),
    ),
  };
}
