// The unresolved incidents the ticket form warns about, per ticket category, as of the build.
// (The status pages have their own loader; this one stays small so the two branches do not clash.)
import { readFileSync } from 'node:fs';
import { contentPath } from '../build/content-dir.ts';
import { validateIncidentsText } from '../lib/status/schema.ts';
import { isOffsetTimestamp, timestampProblem } from '../lib/status/time.ts';
import { incidentNoticesByCategory, type IncidentNotices } from '../lib/ticket/incident-notices.ts';

/** STATUS_NOW pins the instant (reproducible builds and tests), as for the status pages; else the build time. */
function buildNow(): Date {
  const fixed = process.env.STATUS_NOW;
  if (!fixed) return new Date();
  if (!isOffsetTimestamp(fixed)) throw new Error(`STATUS_NOW: ${timestampProblem(fixed)}`);
  return new Date(fixed);
}

export function incidentNoticesForIntake(): IncidentNotices {
  const result = validateIncidentsText(readFileSync(contentPath('incidents.json'), 'utf8'), 'content/incidents.json');
  if (!result.ok) throw new Error(`Invalid content/incidents.json:\n${result.errors.join('\n')}`);
  return incidentNoticesByCategory(result.data, buildNow());
}
