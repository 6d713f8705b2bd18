// The status and incident CLIs are contracts for tools outside the project: exit codes, stdout, stderr.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { statusPageInfo } from '../../src/lib/status/page.ts';
import { validateIncidentsText } from '../../src/lib/status/schema.ts';
import { summaryJson } from '../../src/lib/status/statuspage.ts';
import { small, smallPath } from '../unit/status/helpers.ts';

const node = path.resolve('node_modules/.bin/node');
// Pin the settings the CLI reads from the environment, so the expected page is known.
const env = { ...process.env, SITE_URL: 'https://support.example.com', PUBLIC_PROVIDER_NAME: '', STATUS_TIME_ZONE: '' };

function run(script: 'status' | 'incident', args: string[]) {
  const result = spawnSync(node, [`scripts/${script}.ts`, ...args], { encoding: 'utf8', env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('status CLI', () => {
  it('summary prints the Statuspage summary at --at, exit 0', () => {
    const at = '2026-01-10T11:15:00Z';
    const { code, stdout, stderr } = run('status', ['summary', '--file', smallPath, '--at', at]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const page = statusPageInfo({ siteUrl: 'https://support.example.com' });
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(summaryJson(small(), page, at))));
    expect(JSON.parse(stdout).status).toEqual({ indicator: 'critical', description: 'Major Service Outage' });
  });

  it("uses the support policy's time zone, as the site does; STATUS_TIME_ZONE and --time-zone override it", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'status-policy-'));
    try {
      const policy = JSON.parse(readFileSync('test/fixtures/policy/support-policy.json', 'utf8')) as object;
      writeFileSync(path.join(dir, 'support-policy.json'), JSON.stringify({ ...policy, timeZone: 'Europe/Berlin' }));
      const zoneOf = (extraEnv: Record<string, string>, args: string[] = []) => {
        const result = spawnSync(
          node,
          ['scripts/status.ts', 'summary', '--file', smallPath, '--at', '2026-01-10T11:15:00Z', ...args],
          { encoding: 'utf8', env: { ...env, CONTENT_DIR: dir, ...extraEnv } },
        );
        return JSON.parse(result.stdout).page.time_zone;
      };
      expect(zoneOf({})).toBe('Europe/Berlin');
      expect(zoneOf({ STATUS_TIME_ZONE: 'Asia/Tokyo' })).toBe('Asia/Tokyo');
      expect(zoneOf({ STATUS_TIME_ZONE: 'Asia/Tokyo' }, ['--time-zone', 'America/Chicago'])).toBe('America/Chicago');
      // An invalid policy is not half-read: the summary falls back to the default zone (check:content names the problem).
      writeFileSync(path.join(dir, 'support-policy.json'), JSON.stringify({ timeZone: 'Europe/Berlin' }));
      expect(zoneOf({})).toBe('America/New_York');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('works through npm run --silent, as the contract is written', () => {
    const result = spawnSync(
      'npm',
      ['run', '--silent', 'status', '--', 'summary', '--file', smallPath, '--at', '2026-01-15T07:00:00Z'],
      { encoding: 'utf8', env },
    );
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).status.indicator).toBe('maintenance');
  });

  it('validate exits 0 and prints nothing on stdout for a valid file', () => {
    expect(run('status', ['validate', '--file', smallPath])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(run('status', ['validate', '--file', 'test/fixtures/status/sample.json']).code).toBe(0);
  });

  it('validate --at warns on stderr of an overdue next update by the policy cadence, and still exits 0', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'status-cadence-'));
    try {
      const policy = JSON.parse(readFileSync('test/fixtures/policy/support-policy.json', 'utf8')) as object;
      // portal-slow (minor) was last updated at 09:00Z: due at 09:15 with 15 minutes, at 10:00 by default.
      writeFileSync(
        path.join(dir, 'support-policy.json'),
        JSON.stringify({ ...policy, incidentUpdates: { minor: 15 } }),
      );
      const validate = (at: string[]) => {
        const result = spawnSync(node, ['scripts/status.ts', 'validate', '--file', smallPath, ...at], {
          encoding: 'utf8',
          env: { ...env, CONTENT_DIR: dir, STATUS_TIME_ZONE: 'UTC' },
        });
        return { code: result.status, stdout: result.stdout, stderr: result.stderr };
      };
      expect(validate(['--at', '2026-01-20T09:20:00Z'])).toEqual({
        code: 0,
        stdout: '',
        stderr:
          'warning: test/fixtures/status/small.json: incident portal-slow ("Portal slow", investigating): the next update was due at 20 Jan 2026, 09:15 UTC (5 min ago): post one with npm run incident -- update portal-slow --status investigating --body "..."\n',
      });
      expect(validate(['--at', '2026-01-20T09:10:00Z'])).toEqual({ code: 0, stdout: '', stderr: '' });
      // Without --at, validate only validates (its contract for scripts that gate on it).
      expect(validate([])).toEqual({ code: 0, stdout: '', stderr: '' });
      // --at now: the fixture's portal incident has been waiting for an update ever since.
      expect(validate(['--at', 'now']).stderr).toMatch(/^warning: .* incident portal-slow /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('validate exits 1 with one error per line on stderr, each naming the file and the path', () => {
    const file = 'test/fixtures/status/invalid.json';
    const { code, stdout, stderr } = run('status', ['validate', '--file', file]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const lines = stderr.trimEnd().split('\n');
    const expected = validateIncidentsText(readFileSync(file, 'utf8'), file);
    expect(expected.ok ? [] : expected.errors).toEqual(lines);
    expect(lines).toHaveLength(6);
    for (const line of lines) expect(line).toMatch(/^test\/fixtures\/status\/invalid\.json: [a-z]+\[\d+\]\.\S+: /);
  });

  it('summary of an invalid file prints no summary (never "All Systems Operational") and exits 1', () => {
    const { code, stdout, stderr } = run('status', ['summary', '--file', 'test/fixtures/status/invalid.json']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('maintenances[0].end');
  });

  it('exits 1 naming an unreadable file', () => {
    const { code, stderr } = run('status', ['validate', '--file', 'test/fixtures/status/missing.json']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^test\/fixtures\/status\/missing\.json: cannot read the file \(ENOENT\)/);
  });

  it('accepts --at in any ISO 8601 form with an offset (minutes, +hh, +hh:mm) as the same instant', () => {
    const forms = ['2026-01-10T11:15Z', '2026-01-10T12:15+01', '2026-01-10T06:15:00-05:00', '2026-01-10T11:15:00.000Z'];
    const outputs = forms.map((at) => run('status', ['summary', '--file', smallPath, '--at', at]));
    for (const output of outputs) expect(output.code).toBe(0);
    expect(new Set(outputs.map((o) => o.stdout)).size).toBe(1);
  });

  it('exits 2 on bad usage, with the reason on stderr', () => {
    const cases = [
      [],
      ['summarise'],
      ['summary', '--fiel', smallPath],
      ['summary', '--file', smallPath, '--at', '2026-01-10T11:15:00'],
      ['summary', '--file', smallPath, '--time-zone', 'Mars/Base'],
      ['validate', 'extra', '--file', smallPath],
    ];
    for (const args of cases) {
      const { code, stdout, stderr } = run('status', args);
      expect({ args, code, stdout }).toEqual({ args, code: 2, stdout: '' });
      expect(stderr).toMatch(/^status: .+\nRun with --help for usage\.\n$/);
    }
  });

  it('prints help and the JSON Schema', () => {
    expect(run('status', ['--help']).stdout).toMatch(/^Usage: npm run --silent status -- <command>/);
    const schema = JSON.parse(run('status', ['schema']).stdout);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });
});

describe('incident CLI (on a temporary copy)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'incident-cli-'));
  const file = path.join(dir, 'incidents.json');
  beforeEach(() => copyFileSync('test/fixtures/status/sample.json', file)); // each test edits a fresh copy of the sample
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const at = (time: string) => ['--file', file, '--at', `2026-11-24T${time}Z`];

  it('opens, updates and resolves an incident, printing the commit to make', () => {
    const opened = run('incident', [
      'new',
      '--title',
      'Voicemail to e-mail delayed',
      '--component',
      'hosted-pbx=degraded_performance',
      '--body',
      'Voicemail e-mails arrive late.',
      ...at('05:40:00'),
    ]);
    expect(opened.stderr).toBe('');
    expect(opened.code).toBe(0);
    const id = '2026-11-24-voicemail-to-e-mail-delayed';
    expect(opened.stdout).toContain(`git add ${file} && git commit -m "incident: ${id}: investigating"`);
    expect(opened.stdout).toContain(`/status/incidents/${id}/`);

    expect(
      run('incident', ['update', id, '--status', 'identified', '--body', 'A mail relay is slow.', ...at('05:50:00')])
        .code,
    ).toBe(0);
    const resolved = run('incident', ['resolve', id, ...at('06:10:00')]);
    expect(resolved.code).toBe(0);
    expect(resolved.stdout).toContain(`git commit -m "incident: ${id}: resolved"`);

    const result = validateIncidentsText(readFileSync(file, 'utf8'), file);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const incident = result.data.incidents[0]!;
    expect(incident).toMatchObject({ id, impact: 'minor', components: { 'hosted-pbx': 'degraded_performance' } });
    expect(incident.updates.map((u) => [u.at, u.status])).toEqual([
      ['2026-11-24T05:40:00Z', 'investigating'],
      ['2026-11-24T05:50:00Z', 'identified'],
      ['2026-11-24T06:10:00Z', 'resolved'],
    ]);
  });

  it('keeps the file formatted as before: an edit adds lines and removes none', () => {
    const before = readFileSync(file, 'utf8').split('\n');
    expect(
      run('incident', [
        'update',
        '2026-11-24-outbound-calls-canada',
        '--status',
        'monitoring',
        '--body',
        'Rerouted.',
        ...at('06:20:00'),
      ]).code,
    ).toBe(0);
    const after = readFileSync(file, 'utf8').split('\n');
    expect(after.length - before.length).toBe(5);
    expect(before.every((line) => after.includes(line))).toBe(true);
  });

  it('refuses an edit that would make the file invalid, and leaves the file untouched', () => {
    const before = readFileSync(file, 'utf8');
    const cases = [
      ['update', '2026-11-24-outbound-calls-canada', '--status', 'identified', '--body', 'x', ...at('04:30:00')],
      ['new', '--title', 'X', '--body', 'y', '--component', 'voicemail=major_outage', ...at('07:00:00')],
      ['update', '2026-11-24-outbound-calls-canada', '--status', 'fixed', '--body', 'x', ...at('07:00:00')],
    ];
    for (const args of cases) {
      const { code, stdout, stderr } = run('incident', args);
      expect({ args, code, stdout }).toEqual({ args, code: 1, stdout: '' });
      expect(stderr).toMatch(
        new RegExp(
          `^Not written: the change would make .* invalid:\\n${file.replace(/[.]/g, '\\.')}: incidents\\[0\\]\\.`,
        ),
      );
    }
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('schedules maintenance', () => {
    const { code, stdout } = run('incident', [
      'maintenance',
      '--title',
      'E911 provider migration',
      '--component',
      'e911',
      '--start',
      '2026-12-08T06:00:00Z',
      '--end',
      '2026-12-08T07:00:00Z',
      '--body',
      'Emergency calls keep working.',
      ...at('06:30:00'),
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('git commit -m "maintenance: 2026-12-08-e911-provider-migration: scheduled"');
  });

  it('exits 1 for an unknown id and 2 for bad usage', () => {
    expect(run('incident', ['resolve', 'no-such-incident', '--file', file]).code).toBe(1);
    for (const args of [
      [],
      ['open'],
      ['new', '--file', file],
      ['update', '--file', file, '--status', 'identified', '--body', 'x'],
      ['new', '--title', 'x', '--body', 'y', '--component', 'e911', '--file', file],
    ]) {
      const { code, stderr } = run('incident', args);
      expect({ args, code }).toEqual({ args, code: 2 });
      expect(stderr).not.toBe('');
    }
  });

  it('opens an incident from a template, filled in, and records component changes on the update', () => {
    const listed = run('incident', ['--list-templates']);
    expect(listed.code).toBe(0);
    expect(listed.stdout.split('\n').map((line) => line.split(' ')[0])).toEqual([
      'carrier-route-failure',
      'registration-outage',
      'degraded-call-quality',
      'porting-delay',
      'sms-delivery-delay',
      '',
    ]);
    const opened = run('incident', [
      'open',
      '--template',
      'carrier-route-failure',
      '--component',
      'outbound-calls',
      ...at('06:00:00'),
    ]);
    expect(opened.stderr).toBe('');
    expect(opened.code).toBe(0);
    const id = '2026-11-24-calls-to-some-destinations-failing';
    const updated = run('incident', [
      'update',
      id,
      '--status',
      'identified',
      '--body',
      'All calls to Canada fail now.',
      '--component',
      'outbound-calls=major_outage',
      '--next-update-by',
      '2026-11-24T07:00:00Z',
      ...at('06:20:00'),
    ]);
    expect(updated.stderr).toBe('');
    const resolved = run('incident', ['resolve', id, '--template', 'carrier-route-failure', ...at('07:10:00')]);
    expect(resolved.code).toBe(0);
    const result = validateIncidentsText(readFileSync(file, 'utf8'), file);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const incident = result.data.incidents[0]!;
    expect(incident).toMatchObject({
      id,
      title: 'Calls to some destinations failing',
      impact: 'major',
      components: { 'outbound-calls': 'partial_outage' },
    });
    expect(incident.updates[0]!.body).toMatch(/^We are investigating .* Affected: Outbound calls\./);
    expect(incident.updates[1]).toEqual({
      at: '2026-11-24T06:20:00Z',
      status: 'identified',
      body: 'All calls to Canada fail now.',
      components: { 'outbound-calls': 'major_outage' },
      nextUpdateBy: '2026-11-24T07:00:00Z',
    });
    expect(incident.updates[2]!.body).toBe(
      'Calls to every destination complete normally again. The carrier route has been restored.',
    );
  });

  it('refuses an unknown template, and a bare --component without one', () => {
    const unknown = run('incident', ['open', '--template', 'fire', ...at('06:00:00')]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^incident: --template: no template "fire"; use one of carrier-route-failure, /);
    const bare = run('incident', ['open', '--title', 'x', '--body', 'y', '--component', 'sms', ...at('06:00:00')]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(/--component "sms": write ID=STATUS/);
  });

  it('has --help for each command', () => {
    for (const command of ['new', 'update', 'resolve', 'postmortem', 'maintenance', 'maintenance-update']) {
      const { code, stdout } = run('incident', [command, '--help']);
      expect(code).toBe(0);
      expect(stdout).toMatch(new RegExp(`^Usage: npm run incident -- ${command}`));
    }
  });
});
