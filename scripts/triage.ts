// Triage CLI (a contract, see README): answers JSON on stdin -> priority, reasons and SLA due times on stdout.
//   npm run --silent triage [-- --policy FILE] < answers.json
//   npm run --silent triage -- --write-policy-schema   (regenerates schemas/support-policy.schema.json)
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { contentFilePath, loadPolicy, writeStaleSchemas } from '../src/content-io.ts';
import { formatFieldErrors, parseJson } from '../src/lib/errors.ts';
import { readableFieldErrors } from '../src/lib/policy/index.ts';
import { slaFor } from '../src/lib/sla/index.ts';
import { answersSchema, triage } from '../src/lib/triage/index.ts';

const USAGE = 'usage: npm run --silent triage [-- --policy FILE] < answers.json';

function fail(lines: string[], code = 1): never {
  process.stderr.write(`${lines.join('\n')}\n`);
  process.exit(code);
}

let options: { policy?: string; 'write-policy-schema': boolean };
try {
  options = parseArgs({
    options: {
      policy: { type: 'string' },
      'write-policy-schema': { type: 'boolean', default: false },
    },
  }).values as typeof options;
} catch (error) {
  fail([`triage: ${(error as Error).message}`, USAGE], 2);
}

if (options['write-policy-schema']) {
  const written = writeStaleSchemas(undefined, ['support-policy.schema.json']);
  process.stdout.write(written.length > 0 ? `wrote ${written.join(', ')}\n` : 'the policy schema is up to date\n');
  process.exit(0);
}

const policyResult = loadPolicy(options.policy ?? contentFilePath('policy'));
if (!policyResult.ok)
  fail(policyResult.unreadable ? [`${policyResult.errors[0]}: pass --policy FILE`] : policyResult.errors);

const answersText = readFileSync(0, 'utf8');
const parsed = parseJson(answersText);
if (!parsed.ok) fail(formatFieldErrors('stdin', [parsed.error]));
const answers = answersSchema.safeParse(parsed.value);
if (!answers.success) fail(formatFieldErrors('stdin', readableFieldErrors(answers.error, parsed.value)));

const { priority, reasons } = triage(answers.data, policyResult.data);
const due = slaFor(priority, answers.data.submittedAt, policyResult.data);
process.stdout.write(`${JSON.stringify({ priority, reasons, ...due })}\n`);
