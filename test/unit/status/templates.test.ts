import { describe, expect, it } from 'vitest';
import { addIncident, addIncidentUpdate } from '../../../src/lib/status/edit.ts';
import { validateIncidentsValue } from '../../../src/lib/status/schema.ts';
import { fillTemplate, findTemplate, incidentTemplates, templateList } from '../../../src/lib/status/templates.ts';
import { sample } from './helpers.ts';

describe('incident templates', () => {
  it('cover the common voice incidents', () => {
    expect(incidentTemplates.map((t) => t.id)).toEqual([
      'carrier-route-failure',
      'registration-outage',
      'degraded-call-quality',
      'porting-delay',
      'sms-delivery-delay',
    ]);
    expect(templateList()[0]).toBe(
      'carrier-route-failure  calls to some destinations fail on one carrier route (components: outbound-calls; status partial_outage)',
    );
  });

  it('fill {components} with the names, in words', () => {
    expect(fillTemplate('Affected: {components}.', ['SMS & MMS'])).toBe('Affected: SMS & MMS.');
    expect(fillTemplate('{components}', ['A', 'B', 'C'])).toBe('A, B and C');
    expect(findTemplate('nope')).toBeUndefined();
  });

  it('each make a valid incident through every status, with its default components of the sample file', () => {
    for (const template of incidentTemplates) {
      const names = sample()
        .components.filter((c) => template.components.includes(c.id))
        .map((c) => c.name);
      expect(names, template.id).toHaveLength(template.components.length);
      const components = Object.fromEntries(template.components.map((id) => [id, template.componentStatus]));
      let { file } = addIncident(sample(), {
        title: fillTemplate(template.title, names),
        body: fillTemplate(template.bodies.investigating, names),
        at: '2026-12-10T10:00:00Z',
        components,
        ...(template.impact && { impact: template.impact }),
      });
      const id = file.incidents[0]!.id;
      for (const [minute, status] of [
        ['10', 'identified'],
        ['20', 'monitoring'],
        ['30', 'resolved'],
      ] as const) {
        const body = fillTemplate(template.bodies[status], names);
        expect(body, `${template.id} ${status}`).not.toMatch(/[{}]/);
        file = addIncidentUpdate(file, id, { status, body, at: `2026-12-10T10:${minute}:00Z` });
      }
      const result = validateIncidentsValue(file, 'f.json');
      expect(result.ok ? [] : result.errors, template.id).toEqual([]);
    }
  });
});
