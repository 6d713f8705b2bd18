// Reads support-policy.json text into a SupportPolicy, or says exactly which fields are wrong and how to fix them.
import { failed, fieldProblems, parseJson, type Problem } from '../errors.ts';
import { readableFieldErrors } from './field-errors.ts';
import { supportPolicySchema, type SupportPolicy } from './schema.ts';

export type PolicyResult = { ok: true; policy: SupportPolicy } | { ok: false; errors: string[]; problems: Problem[] };

/** Validates an already parsed policy (e.g. a JSON import); errors read `file: path: message`. */
export function validatePolicy(value: unknown, file: string): PolicyResult {
  const result = supportPolicySchema.safeParse(value);
  if (result.success) return { ok: true, policy: result.data };
  return failed(fieldProblems(file, readableFieldErrors(result.error, value, { locate: true })));
}

export function validatePolicyText(text: string, file: string): PolicyResult {
  const parsed = parseJson(text);
  if (!parsed.ok) return failed(fieldProblems(file, [parsed.error]));
  return validatePolicy(parsed.value, file);
}
