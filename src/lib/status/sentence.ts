// The status banner's one sentence in plain words. The page writes it at build time from the overview; the
// page's script rewrites it from /api/v2/summary.json, so this module stays tiny (no luxon, no zod).
import type { ComponentStatus } from './derive.ts';
import { componentStatusLabels } from './labels.ts';
import type { StatusOverview } from './overview.ts';

export interface SentenceFacts {
  /** How many incidents are unresolved. */
  incidents: number;
  /** Components disrupted by incidents, in page order. */
  affected: { name: string; status: ComponentStatus }[];
  /** Names of components under maintenance in progress. */
  maintained: string[];
}

function listInWords(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** What is affected now and how, e.g. "We are working on an incident affecting Outbound calls (partial outage)." */
export function statusSentence({ incidents, affected, maintained }: SentenceFacts): string {
  const sentences: string[] = [];
  const disrupted = affected
    .filter((c) => c.status !== 'operational' && c.status !== 'under_maintenance')
    .map((c) => `${c.name} (${componentStatusLabels[c.status].toLowerCase()})`);
  if (incidents > 0) {
    const what = incidents === 1 ? 'an incident' : `${incidents} incidents`;
    sentences.push(
      disrupted.length > 0
        ? `We are working on ${what} affecting ${listInWords(disrupted)}.`
        : `We are working on ${what}; no service is disrupted by ${incidents === 1 ? 'it' : 'them'}.`,
    );
  }
  if (maintained.length > 0)
    sentences.push(`Scheduled maintenance is in progress on ${listInWords([...new Set(maintained)])}.`);
  return sentences.join(' ') || 'All our services are running normally.';
}

export function overviewFacts(overview: StatusOverview): SentenceFacts {
  return {
    incidents: overview.unresolved.length,
    affected: overview.groups.flatMap((g) => g.components),
    maintained: overview.activeMaintenances.flatMap((m) => m.components.map((c) => c.name)),
  };
}

/** The parts of `/api/v2/summary.json` the sentence needs (Statuspage's field names). */
export interface SummaryLike {
  components: { name: string; status: ComponentStatus; group: boolean }[];
  incidents: unknown[];
  scheduled_maintenances: { status: string; components: { name: string }[] }[];
}

export function summaryFacts(summary: SummaryLike): SentenceFacts {
  return {
    incidents: summary.incidents.length,
    affected: summary.components.filter((c) => !c.group),
    maintained: summary.scheduled_maintenances
      .filter((m) => m.status === 'in_progress' || m.status === 'verifying')
      .flatMap((m) => m.components.map((c) => c.name)),
  };
}
