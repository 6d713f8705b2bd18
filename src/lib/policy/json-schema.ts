// The JSON Schema editors use to complete content/support-policy.json, generated from the zod schema.
import { z } from 'zod';
import { supportPolicySchema } from './schema.ts';

export function policyJsonSchema(): Record<string, unknown> {
  // `input`: what an editor may write (defaults such as thresholds.criticalShare are optional).
  return z.toJSONSchema(supportPolicySchema, {
    io: 'input',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
}
