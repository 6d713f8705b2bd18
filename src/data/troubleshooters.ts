// The guided troubleshooters beside the playbooks, from the checked content.
import type { TroubleshooterTree } from '../lib/troubleshooter/schema.ts';
import { siteContent } from './content.ts';

/** The tree that walks the article's checks, if the article has one. */
export function troubleshooterFor(articleId: string): TroubleshooterTree | undefined {
  return siteContent().troubleshooters.get(articleId);
}
