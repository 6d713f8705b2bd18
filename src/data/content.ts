// The checked content for pages: the content module run once per build (per server start in `astro dev`).
// Anything wrong fails the build with the same lines `npm run check:content` prints.
import { checkContentFolder } from '../content-io.ts';
import type { Content } from '../lib/content/index.ts';

export type SiteContent = Required<Content>;

let cached: SiteContent | undefined;

export function siteContent(): SiteContent {
  if (cached) return cached;
  const { data, errors } = checkContentFolder();
  if (errors.length > 0) {
    throw new Error(`Invalid content (npm run check:content lists the same):\n${errors.join('\n')}`);
  }
  const { codes, incidents, policy } = data;
  // A check without errors has read every file; this only narrows the types.
  if (!codes || !incidents || !policy) throw new Error('content check passed without codes, incidents or policy');
  cached = { ...data, codes, incidents, policy };
  return cached;
}
