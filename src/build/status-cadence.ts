// Warns, without failing the build, of each unresolved incident whose next update is overdue at the instant the
// status pages are built for: the page then says "Next update was due by", and someone should post one.
import type { AstroIntegration } from 'astro';
import { contentFilePath, loadIncidents, loadPolicy, shownPath } from '../content-io.ts';
import { defaultUpdateCadence, overdueIncidents, overdueWarning } from '../lib/status/cadence.ts';
import { isOffsetTimestamp } from '../lib/status/time.ts';

export function statusCadence(): AstroIntegration {
  // The same instant src/data/incidents.ts derives the pages at (STATUS_NOW, else about when the build started).
  const startedAt = new Date();
  return {
    name: 'dialtone:status-cadence',
    hooks: {
      'astro:build:done': ({ logger }) => {
        const incidents = loadIncidents();
        const policy = loadPolicy();
        // An invalid file has already failed the build with its own lines.
        if (!incidents.ok) return;
        const fixed = process.env.STATUS_NOW;
        const now = fixed && isOffsetTimestamp(fixed) ? fixed : startedAt;
        const zone = process.env.STATUS_TIME_ZONE || (policy.ok ? policy.data.timeZone : 'UTC');
        const cadence = policy.ok ? policy.data.incidentUpdates : defaultUpdateCadence;
        const file = shownPath(contentFilePath('incidents'));
        for (const overdue of overdueIncidents(incidents.data, now, cadence))
          logger.warn(overdueWarning(overdue, file, zone));
      },
    },
  };
}
