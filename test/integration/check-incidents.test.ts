// `npm run check:content` fails on a broken content/incidents.json with one line per problem, each naming
// the file and the JSON path (and line:column for a syntax error).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

function checkContent(root: string) {
  return spawnSync(process.execPath, ['scripts/check-content.ts', root], { encoding: 'utf8' });
}

const temp = mkdtempSync(path.join(tmpdir(), 'check-incidents-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('npm run check:content on incidents.json', () => {
  it('names each bad path of a broken file, one line each', () => {
    const run = checkContent('test/fixtures/content-bad');
    expect(run.status).toBe(1);
    const lines = run.stderr.split('\n').filter((line) => line.includes('incidents.json'));
    const paths = lines.map((line) =>
      line.replace(/^test\/fixtures\/content-bad\/incidents\.json:\d+: ([^:]+): .*$/, '$1'),
    );
    expect(paths).toEqual([
      'components[1].id',
      'components[1].name',
      'incidents[0].impact',
      'incidents[0].components.pbx',
      'incidents[0].updates[1].at',
      'incidents[0].updates[3]',
      'incidents[1].title',
      'incidents[1].updates[0].at',
      'incidents[2].updates',
      'maintenances[0].end',
      'maintenances[0].updates[0].status',
      'maintenances[1].id',
    ]);
    expect(lines.join('\n')).toContain(
      'incidents[0].updates[1].at: must be after updates[0].at (2026-11-20T14:02:00Z)',
    );
    expect(run.stdout).not.toContain('✓ incidents');
  });

  it('gives line and column for a syntax error', () => {
    const dir = path.join(temp, 'syntax');
    cpSync('test/fixtures/content-good', dir, { recursive: true });
    writeFileSync(path.join(dir, 'incidents.json'), '{\n  "components": [\n    { "id": "trunks", }\n  ]\n}\n');
    const run = checkContent(dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${path.join(dir, 'incidents.json')}: invalid JSON at line 3, column 23`);
  });

  it('fails when the file is missing, since the status page needs it', () => {
    const dir = path.join(temp, 'missing');
    cpSync('test/fixtures/content-good', dir, { recursive: true });
    rmSync(path.join(dir, 'incidents.json'));
    const run = checkContent(dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${path.join(dir, 'incidents.json')}: missing; the status page needs it`);
  });

  it('fails when a committed JSON Schema is stale (npm run schemas regenerates it)', () => {
    const dir = path.join(temp, 'stale-schema');
    cpSync('test/fixtures/content-good', dir, { recursive: true });
    const schemaFile = path.join(dir, 'schemas', 'incidents.schema.json');
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
    delete schema.properties.maintenances;
    writeFileSync(schemaFile, JSON.stringify(schema));
    const run = checkContent(dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${schemaFile}: out of date with its zod schema: run npm run schemas`);
    expect(run.stdout).toContain('✓ incidents');
  });
});

describe('npm run check:content across files', () => {
  it('fails when a component the ticket form watches is renamed in incidents.json', () => {
    const dir = path.join(temp, 'renamed-component');
    cpSync('test/fixtures/content-good', dir, { recursive: true });
    const file = path.join(dir, 'incidents.json');
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll('"customer-portal"', '"web-portal"'));
    const run = checkContent(dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `${file}: components: has no 'customer-portal', which the ticket form watches for category 'portal'`,
    );
  });

  it('validates the support policy, naming the field and the fix', () => {
    const dir = path.join(temp, 'bad-policy');
    cpSync('test/fixtures/content-good', dir, { recursive: true });
    const file = path.join(dir, 'support-policy.json');
    const policy = JSON.parse(readFileSync(file, 'utf8'));
    policy.timeZone = 'Mars/Base';
    writeFileSync(file, JSON.stringify(policy, null, 2));
    const run = checkContent(dir);
    expect(run.status).toBe(1);
    // The line of the field, as an editor shows it: timeZone comes right after $schema.
    expect(run.stderr).toContain(`${file}:3: timeZone: must be an IANA time zone name such as "America/New_York"`);
    expect(run.stdout).not.toContain('✓ policy');
  });
});
