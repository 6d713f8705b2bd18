// The checked content for pages: the content module run once per build (per server start in `astro dev`).
// Anything wrong fails the build with the same lines `npm run check:content` prints.
import { checkContentFolder } from '../content-io.ts';
import { completeContent, type CompleteContent } from '../lib/content/index.ts';

let cached: CompleteContent | undefined;

export function siteContent(): CompleteContent {
  if (cached) return cached;
  const result = completeContent(checkContentFolder());
  if (!result.ok)
    throw new Error(`Invalid content (npm run check:content lists the same):\n${result.errors.join('\n')}`);
  cached = result.content;
  return cached;
}
