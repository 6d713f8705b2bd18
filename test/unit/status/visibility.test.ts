import { describe, expect, it } from 'vitest';
import { compareImpactWorstFirst, visiblePostmortem } from '../../../src/lib/status/derive.ts';
import type { Incident, IncidentImpact } from '../../../src/lib/status/schema.ts';

const incident = (postmortem?: { at: string; body: string }): Incident =>
  ({
    id: 'fax-delays',
    title: 'Faxes delayed',
    impact: 'minor',
    components: { fax: 'degraded_performance' },
    updates: [{ at: '2025-03-04T09:00:00Z', status: 'resolved', body: 'Faxes go out on time again.' }],
    ...(postmortem && { postmortem }),
  }) as Incident;

describe('visiblePostmortem', () => {
  const postmortem = { at: '2025-03-05T12:00:00Z', body: 'What happened.' };

  it('shows a postmortem from its publication time on', () => {
    expect(visiblePostmortem(incident(postmortem), '2025-03-05T11:59:59Z')).toBeNull();
    expect(visiblePostmortem(incident(postmortem), '2025-03-05T12:00:00Z')).toEqual(postmortem);
  });

  it('is null without one', () => {
    expect(visiblePostmortem(incident(), '2030-01-01T00:00:00Z')).toBeNull();
  });
});

describe('compareImpactWorstFirst', () => {
  it('sorts critical first and no impact last', () => {
    const impacts: IncidentImpact[] = ['minor', 'none', 'critical', 'major'];
    expect(impacts.sort(compareImpactWorstFirst)).toEqual(['critical', 'major', 'minor', 'none']);
  });
});
