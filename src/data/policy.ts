// The support policy for pages: support-policy.json from the checked content.
import type { SupportPolicy } from '../lib/policy/schema.ts';
import { siteContent } from './content.ts';

export function supportPolicy(): SupportPolicy {
  return siteContent().policy;
}
