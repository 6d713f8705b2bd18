// Status CLI (a contract other tools rely on; see the README): summary JSON at an instant, validation, JSON Schema.
//   npm run --silent status -- summary --file FILE --at ISO
//   npm run --silent status -- validate --file FILE [--at ISO|now]
import { parseArgs } from 'node:util';
import { contentFilePath, loadIncidents, loadPolicy } from '../src/content-io.ts';
import { defaultUpdateCadence, overdueIncidents, overdueWarning } from '../src/lib/status/cadence.ts';
import { defaultStatusSettings, statusPageInfo } from '../src/lib/status/page.ts';
import { incidentsJsonSchema } from '../src/lib/status/schema.ts';
import { statuspageApi, summaryJson } from '../src/lib/status/statuspage.ts';
import { parseInstantArgument, timestampProblem } from '../src/lib/status/time.ts';

const usage = `Usage: npm run --silent status -- <command> [options]

Commands
  summary   print the Statuspage summary JSON (as served at /api/v2/summary.json) at an instant
  api PATH  print another /api/v2 file, e.g. status.json, incidents/unresolved.json
  validate  check the file: exit 0 when valid, else 1 with one error per line on stderr; with --at, also
            warn on stderr (still exit 0) of each unresolved incident whose next update is overdue then
  schema    print the JSON Schema of incidents.json

Options
  --file FILE        incidents file (default: incidents.json in $CONTENT_DIR, else in content/)
  --at ISO|now       instant with offset, e.g. 2026-11-24T05:00:00Z, or now (default: now)
  --site-url URL     where the site is served (default: $SITE_URL, else ${defaultStatusSettings.siteUrl})
  --provider NAME    provider name in the page name (default: $PUBLIC_PROVIDER_NAME, else ${defaultStatusSettings.providerName})
  --time-zone ZONE   support team's IANA zone (default: $STATUS_TIME_ZONE, else the support policy's
                     timeZone in support-policy.json beside the default incidents file, else ${defaultStatusSettings.timeZone})
  -h, --help         this text

Exit codes: 0 ok, 1 invalid or unreadable file, 2 bad usage.`;

class UsageError extends Error {}

function main(argv: string[]): number {
  const { values, positionals } = parseOptions(argv);
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const [command, ...rest] = positionals;
  if (command === 'schema' && rest.length === 0) {
    process.stdout.write(`${JSON.stringify(incidentsJsonSchema(), null, 2)}\n`);
    return 0;
  }
  if (command !== 'summary' && command !== 'validate' && command !== 'api')
    throw new UsageError(command ? `unknown command "${command}"` : 'missing command');
  if (command !== 'api' && rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
  const result = loadIncidents(values.file ?? contentFilePath('incidents'));
  if (!result.ok) {
    process.stderr.write(`${result.errors.join('\n')}\n`);
    return 1;
  }
  const at =
    values.at === undefined || values.at === 'now' ? new Date().toISOString() : parseInstantArgument(values.at);
  if (at === undefined) throw new UsageError(`--at: ${timestampProblem(values.at)}`);
  if (command === 'validate') {
    // A missed update is a warning, not an invalid file: scripts that gate on validity keep exit 0.
    if (values.at === undefined) return 0;
    const policy = loadPolicy();
    const cadence = policy.ok ? policy.data.incidentUpdates : defaultUpdateCadence;
    const zone = values['time-zone'] || process.env.STATUS_TIME_ZONE || policyTimeZone() || 'UTC';
    for (const overdue of overdueIncidents(result.data, at, cadence))
      process.stderr.write(`warning: ${overdueWarning(overdue, result.file.file, zone)}\n`);
    return 0;
  }
  // The same settings the site builds with, so this prints what /api/v2/summary.json serves.
  const page = statusPageInfo({
    siteUrl: values['site-url'] ?? process.env.SITE_URL,
    providerName: values.provider ?? process.env.PUBLIC_PROVIDER_NAME,
    timeZone: values['time-zone'] || process.env.STATUS_TIME_ZONE || policyTimeZone(),
  });
  try {
    new Intl.DateTimeFormat('en', { timeZone: page.timeZone });
  } catch {
    throw new UsageError(`--time-zone: unknown IANA time zone "${page.timeZone}", e.g. America/New_York`);
  }
  let json: unknown = summaryJson(result.data, page, at);
  if (command === 'api') {
    const path = (rest[0] ?? '').replace(/^\/?(api\/v2\/)?/, '');
    json = statuspageApi(result.data, page, at)[path];
    if (json === undefined || rest.length !== 1)
      throw new UsageError(`api needs one path: ${Object.keys(statuspageApi(result.data, page, at)).join(', ')}`);
  }
  process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  return 0;
}

/** The support team's zone as the site uses it: the validated support policy's (CONTENT_DIR respected). */
function policyTimeZone(): string | undefined {
  const policy = loadPolicy();
  // A missing or invalid policy is reported by check:content and the build; the summary falls back to the default.
  return policy.ok ? policy.data.timeZone : undefined;
}

function parseOptions(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        file: { type: 'string' },
        at: { type: 'string' },
        'site-url': { type: 'string' },
        provider: { type: 'string' },
        'time-zone': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  process.stderr.write(`status: ${error.message}\nRun with --help for usage.\n`);
  process.exitCode = 2;
}
