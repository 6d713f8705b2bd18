// The status page's identity in Statuspage JSON and feeds. The site and the status CLI both build it here,
// from the same settings (SITE_URL, PUBLIC_PROVIDER_NAME), so the CLI prints exactly what the site serves.
import type { StatusPageInfo } from './statuspage.ts';

export interface StatusPageSettings {
  /** Where the site is served, e.g. `https://support.example.com` (Astro's `site`). */
  siteUrl?: string;
  providerName?: string;
  /** The support team's IANA time zone. */
  timeZone?: string;
}

export const defaultStatusSettings = {
  siteUrl: 'http://localhost:4321',
  providerName: 'Example Voice',
  timeZone: 'America/New_York',
} as const;

export function statusPageInfo(settings: StatusPageSettings = {}): StatusPageInfo {
  const siteUrl = settings.siteUrl || defaultStatusSettings.siteUrl;
  return {
    id: 'status',
    name: `${settings.providerName || defaultStatusSettings.providerName} status`,
    url: new URL('status/', siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).href,
    timeZone: settings.timeZone || defaultStatusSettings.timeZone,
  };
}
