// The page identity used in Statuspage JSON and feeds when the caller does not give its own.
import type { StatusPageInfo } from './statuspage.ts';

export const defaultStatusPage: StatusPageInfo = {
  id: 'dialtone',
  name: 'Dialtone status',
  url: 'https://support.example.com/status/',
  timeZone: 'America/New_York',
};
