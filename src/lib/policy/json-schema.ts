// The JSON Schema editors use to complete content/support-policy.json, generated from the zod schema.
import { z } from 'zod';
import { supportPolicySchema } from './schema.ts';

export const POLICY_JSON_SCHEMA_FILE = 'content/schemas/support-policy.schema.json';

export function policyJsonSchema(): Record<string, unknown> {
  // `input`: what an editor may write (defaults such as thresholds.criticalShare are optional).
  return z.toJSONSchema(supportPolicySchema, {
    io: 'input',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
}

/** The committed file's exact text (2-space JSON plus a final newline). */
export function policyJsonSchemaText(): string {
  return `${JSON.stringify(policyJsonSchema(), null, 2)}\n`;
}
