// Triage CLI (a contract, see README): answers JSON on stdin -> priority, reasons and SLA due times on stdout.
//   npm run --silent triage [-- --policy FILE] < answers.json
//   npm run --silent triage -- --write-policy-schema   (regenerates content/schemas/support-policy.schema.json)
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatFieldErrors, parseJson } from '../src/lib/errors.ts';
import {
  POLICY_JSON_SCHEMA_FILE,
  policyJsonSchemaText,
  readableFieldErrors,
  validatePolicyText,
} from '../src/lib/policy/index.ts';
import { slaFor } from '../src/lib/sla/index.ts';
import { answersSchema, triage } from '../src/lib/triage/index.ts';

const USAGE = 'usage: npm run --silent triage [-- --policy FILE] < answers.json';

function fail(lines: string[], code = 1): never {
  process.stderr.write(`${lines.join('\n')}\n`);
  process.exit(code);
}

let options: { policy: string; 'write-policy-schema': boolean };
try {
  options = parseArgs({
    options: {
      policy: { type: 'string', default: 'content/support-policy.json' },
      'write-policy-schema': { type: 'boolean', default: false },
    },
  }).values as typeof options;
} catch (error) {
  fail([`triage: ${(error as Error).message}`, USAGE], 2);
}

if (options['write-policy-schema']) {
  // Formatted like every other committed file, so `prettier --check .` stays quiet.
  const { format, resolveConfig } = await import('prettier');
  const config = (await resolveConfig(POLICY_JSON_SCHEMA_FILE)) ?? { printWidth: 110 };
  const text = await format(policyJsonSchemaText(), { ...config, filepath: POLICY_JSON_SCHEMA_FILE });
  writeFileSync(POLICY_JSON_SCHEMA_FILE, text);
  process.stdout.write(`wrote ${POLICY_JSON_SCHEMA_FILE}\n`);
  process.exit(0);
}

let policyText: string;
try {
  policyText = readFileSync(options.policy, 'utf8');
} catch (error) {
  fail([
    `${options.policy}: cannot read the policy file (${(error as NodeJS.ErrnoException).code}): pass --policy FILE`,
  ]);
}
const policyResult = validatePolicyText(policyText, options.policy);
if (!policyResult.ok) fail(policyResult.errors);

const answersText = readFileSync(0, 'utf8');
const parsed = parseJson(answersText);
if (!parsed.ok) fail(formatFieldErrors('stdin', [parsed.error]));
const answers = answersSchema.safeParse(parsed.value);
if (!answers.success) fail(formatFieldErrors('stdin', readableFieldErrors(answers.error, parsed.value)));

const { priority, reasons } = triage(answers.data, policyResult.policy);
const due = slaFor(priority, answers.data.submittedAt, policyResult.policy);
process.stdout.write(`${JSON.stringify({ priority, reasons, ...due })}\n`);
