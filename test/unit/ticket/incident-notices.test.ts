import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateIncidentsText, type IncidentsFile } from '../../../src/lib/status/schema.ts';
import { CATEGORY_COMPONENTS, incidentNoticesByCategory } from '../../../src/lib/ticket/incident-notices.ts';
import { CATEGORY_IDS } from '../../../src/lib/triage/categories.ts';

const file: IncidentsFile = {
  components: [
    { id: 'outbound-calls', name: 'Outbound calls' },
    { id: 'fax', name: 'Fax' },
    { id: 'customer-portal', name: 'Customer portal' },
  ],
  incidents: [
    {
      id: 'canada-calls',
      title: 'Calls to Canada fail',
      impact: 'major',
      components: { 'outbound-calls': 'partial_outage' },
      updates: [{ at: '2026-11-24T04:00:00Z', status: 'identified', body: 'A carrier route is down.' }],
    },
    {
      id: 'fax-fixed',
      title: 'Faxes failed',
      impact: 'minor',
      components: { fax: 'partial_outage' },
      updates: [
        { at: '2026-11-20T10:00:00Z', status: 'investigating', body: 'Looking.' },
        { at: '2026-11-20T12:00:00Z', status: 'resolved', body: 'Fixed.' },
      ],
    },
    {
      id: 'portal-later',
      title: 'Portal sign-in errors',
      impact: 'critical',
      components: { 'customer-portal': 'major_outage', 'outbound-calls': 'degraded_performance' },
      updates: [{ at: '2026-11-24T09:00:00Z', status: 'investigating', body: 'Looking.' }],
    },
  ],
  maintenances: [],
};

describe('incidentNoticesByCategory', () => {
  it('lists an unresolved incident under every category that depends on its components', () => {
    const notices = incidentNoticesByCategory(file, '2026-11-24T06:00:00Z');
    expect(Object.keys(notices).sort()).toEqual(['call-quality', 'caller-id', 'outage', 'outbound-calls']);
    expect(notices['outbound-calls']).toEqual([
      {
        id: 'canada-calls',
        title: 'Calls to Canada fail',
        impact: 'major',
        statusLabel: 'Identified',
        path: '/status/incidents/canada-calls/',
        components: ['Outbound calls'],
      },
    ]);
  });

  it('leaves out resolved incidents and those not reported yet, and puts the worst first', () => {
    expect(incidentNoticesByCategory(file, '2026-11-20T11:00:00Z').fax?.map((n) => n.id)).toEqual(['fax-fixed']);
    const later = incidentNoticesByCategory(file, '2026-11-24T10:00:00Z');
    expect(later.fax).toBeUndefined();
    expect(later['outbound-calls']?.map((n) => n.id)).toEqual(['portal-later', 'canada-calls']);
    expect(later.billing?.map((n) => n.id)).toEqual(['portal-later']);
  });
});

describe('CATEGORY_COMPONENTS', () => {
  it('maps every ticket category, to components the status page has', () => {
    const file = 'test/fixtures/status/sample.json';
    const result = validateIncidentsText(readFileSync(file, 'utf8'), file);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const known = new Set(result.data.components.map((c) => c.id));
    expect(Object.keys(CATEGORY_COMPONENTS).sort()).toEqual([...CATEGORY_IDS].sort());
    const unknown = Object.values(CATEGORY_COMPONENTS)
      .flat()
      .filter((id) => !known.has(id));
    expect(unknown).toEqual([]);
  });
});
