// The status data for pages: content/incidents.json validated once (an invalid file fails the build with
// one line per problem), the instant the pages are derived at, and the page identity the CLI shares.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { contentPath } from '../build/content-dir.ts';
import { statusPageInfo } from '../lib/status/page.ts';
import { validateIncidentsText, type IncidentsFile } from '../lib/status/schema.ts';
import type { StatusPageInfo } from '../lib/status/statuspage.ts';
import { isOffsetTimestamp, timestampProblem } from '../lib/status/time.ts';
import { site } from '../site.config.ts';
import { supportPolicy } from './policy.ts';

let cached: IncidentsFile | undefined;

export function incidentsFile(): IncidentsFile {
  if (cached) return cached;
  const file = contentPath('incidents.json');
  const relative = path.relative(process.cwd(), file);
  const shown = relative && !relative.startsWith('..') ? relative : file;
  const result = validateIncidentsText(readFileSync(file, 'utf8'), shown);
  if (!result.ok) throw new Error(`Invalid ${shown}:\n${result.errors.join('\n')}`);
  cached = result.data;
  return cached;
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
