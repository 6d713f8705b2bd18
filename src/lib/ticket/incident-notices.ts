// Known problems first: the unresolved incidents on the status page that touch what a customer reports.
import type { Problem } from '../errors.ts';
import { compareImpactWorstFirst, unresolvedIncidents } from '../status/derive.ts';
import { incidentView } from '../status/overview.ts';
import type { IncidentImpact, IncidentsFile } from '../status/schema.ts';
import type { Instant } from '../status/time.ts';
import { CATEGORY_IDS, type Category } from '../triage/categories.ts';

/** The status-page components (content/incidents.json ids) each ticket category depends on. */
export const CATEGORY_COMPONENTS: Record<Category, readonly string[]> = {
  outage: ['sip-trunking', 'hosted-pbx', 'inbound-calls', 'outbound-calls'],
  'outbound-calls': ['outbound-calls', 'sip-trunking'],
  'inbound-calls': ['inbound-calls', 'sip-trunking'],
  'call-quality': ['sip-trunking', 'hosted-pbx', 'inbound-calls', 'outbound-calls'],
  registration: ['hosted-pbx', 'sip-trunking'],
  portal: ['customer-portal'],
  fax: ['fax'],
  messaging: ['sms'],
  voicemail: ['hosted-pbx'],
  'call-routing': ['hosted-pbx', 'inbound-calls'],
  'caller-id': ['outbound-calls'],
  porting: ['number-porting'],
  billing: ['customer-portal'],
  account: ['customer-portal'],
  setup: [],
  question: [],
  'feature-request': [],
};

export interface IncidentNotice {
  id: string;
  title: string;
  impact: IncidentImpact;
  /** "Investigating", "Identified", ... */
  statusLabel: string;
  /** The incident's permalink on the status page. */
  path: string;
  /** Names of the affected components. */
  components: string[];
}

export type IncidentNotices = Partial<Record<Category, IncidentNotice[]>>;

/** For each category, the incidents unresolved at `now` that affect one of its components (worst first). */
export function incidentNoticesByCategory(file: IncidentsFile, now: Instant): IncidentNotices {
  const open = unresolvedIncidents(file, now)
    .flatMap((incident) => incidentView(file, incident, now) ?? [])
    .sort((a, b) => compareImpactWorstFirst(a.impact, b.impact));
  const notices: IncidentNotices = {};
  for (const category of CATEGORY_IDS) {
    // The components the incident names so far, whether named on the incident or by a later update.
    const touching = open.filter((view) =>
      CATEGORY_COMPONENTS[category].some((component) => view.components.some((c) => c.id === component)),
    );
    if (touching.length === 0) continue;
    notices[category] = touching.map((view) => {
      return {
        id: view.id,
        title: view.title,
        impact: view.impact,
        statusLabel: view.statusLabel,
        path: view.path,
        components: view.components.map((c) => c.name),
      };
    });
  }
  return notices;
}

/**
 * Components the table above names that the incidents file does not have: a renamed component would
 * silently stop the form's incident notices, so the content check reports it.
 */
export function unknownNoticeComponents(file: Pick<IncidentsFile, 'components'>, incidentsPath: string): Problem[] {
  const known = new Set(file.components.map((c) => c.id));
  return Object.entries(CATEGORY_COMPONENTS).flatMap(([category, ids]) =>
    ids
      .filter((id) => !known.has(id))
      .map((id) => ({
        file: incidentsPath,
        message:
          `components: has no '${id}', which the ticket form watches for category '${category}' ` +
          `(src/lib/ticket/incident-notices.ts): add the component or change the table`,
      })),
  );
}
