// The support policy for pages and the ticket endpoint: content/support-policy.json, validated once.
import { readFileSync } from 'node:fs';
import { contentPath } from '../build/content-dir.ts';
import { validatePolicyText } from '../lib/policy/validate.ts';
import type { SupportPolicy } from '../lib/policy/schema.ts';

let cached: SupportPolicy | undefined;

export function supportPolicy(): SupportPolicy {
  if (cached) return cached;
  const file = contentPath('support-policy.json');
  const result = validatePolicyText(readFileSync(file, 'utf8'), 'content/support-policy.json');
  if (!result.ok) throw new Error(`Invalid support policy:\n${result.errors.join('\n')}`);
  cached = result.policy;
  return cached;
}
