// The status data for pages: incidents.json from the checked content, the instant the pages are derived at,
// and the page identity the CLI shares.
import type { UpdateCadence } from '../lib/status/cadence.ts';
import { statusPageInfo } from '../lib/status/page.ts';
import type { IncidentsFile } from '../lib/status/schema.ts';
import type { StatusPageInfo } from '../lib/status/statuspage.ts';
import { isOffsetTimestamp, timestampProblem } from '../lib/status/time.ts';
import { site } from '../site.config.ts';
import { siteContent } from './content.ts';
import { supportPolicy } from './policy.ts';

export function incidentsFile(): IncidentsFile {
  return siteContent().incidents;
}

// One instant for the whole build, so every page, feed and JSON file says the same thing; whole seconds, so
// the "as of" time on the page (written without milliseconds) is exactly the instant derived at.
const buildStarted = new Date(Math.floor(Date.now() / 1000) * 1000);

/** The instant status pages are derived at: STATUS_NOW (for reproducible builds and tests), else build time. */
export function statusNow(): Date {
  const fixed = process.env.STATUS_NOW;
  if (!fixed) return buildStarted;
  if (!isOffsetTimestamp(fixed)) throw new Error(`STATUS_NOW: ${timestampProblem(fixed)}`);
  return new Date(fixed);
}

/** The same identity `npm run status -- summary` prints: SITE_URL, the provider name, the policy's zone. */
export function statusPage(): StatusPageInfo {
  return statusPageInfo({
    siteUrl: import.meta.env.SITE,
    providerName: site.provider,
    timeZone: process.env.STATUS_TIME_ZONE || supportPolicy().timeZone,
  });
}

/** Minutes between updates of an unresolved incident, by impact: the support policy's `incidentUpdates`. */
export function updateCadence(): UpdateCadence {
  return supportPolicy().incidentUpdates;
}
