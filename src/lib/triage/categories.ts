// What can be wrong, in the customer's words; the ids are what triage and the helpdesk labels use.

export const CATEGORIES = [
  {
    id: 'outage',
    label: 'Nothing works: we cannot make or receive any calls',
    impact: 'service',
  },
  {
    id: 'outbound-calls',
    label: "We can't make outgoing calls",
    impact: 'service',
  },
  { id: 'inbound-calls', label: "Calls aren't reaching us", impact: 'service' },
  {
    id: 'call-quality',
    label: 'Bad audio: choppy, one-way, echo or dropped calls',
    impact: 'service',
  },
  { id: 'registration', label: "My phone won't register", impact: 'service' },
  { id: 'portal', label: "I can't get into the web portal", impact: 'service' },
  { id: 'fax', label: "Faxes won't send or don't arrive", impact: 'service' },
  { id: 'messaging', label: "Text messages (SMS or MMS) won't send or don't arrive", impact: 'service' },
  {
    id: 'voicemail',
    label: "Voicemail or voicemail-to-email isn't working",
    impact: 'feature',
  },
  {
    id: 'call-routing',
    label: 'Calls go to the wrong place (menus, queues, transfers)',
    impact: 'feature',
  },
  {
    id: 'caller-id',
    label: 'Caller ID shows the wrong name or number',
    impact: 'feature',
  },
  {
    id: 'porting',
    label: 'Moving (porting) a number to or from us',
    impact: 'feature',
  },
  {
    id: 'billing',
    label: 'A question or problem with my bill',
    impact: 'feature',
  },
  {
    id: 'account',
    label: 'My account: signing in, passwords, SIP credentials, a fraud alert or an E911 address',
    impact: 'feature',
  },
  { id: 'setup', label: 'Help setting something up', impact: 'request' },
  {
    id: 'question',
    label: 'A question about how something works',
    impact: 'request',
  },
  {
    id: 'feature-request',
    label: "Something I'd like you to add",
    impact: 'request',
  },
] as const;

export type Category = (typeof CATEGORIES)[number]['id'];
/** service: calls or access broken (can be critical); feature: one feature misbehaving; request: not a fault. */
export type CategoryImpact = (typeof CATEGORIES)[number]['impact'];

export const CATEGORY_IDS = CATEGORIES.map((c) => c.id) as [Category, ...Category[]];

export function categoryLabel(id: Category): string {
  return CATEGORIES.find((c) => c.id === id)!.label;
}

export function categoryImpact(id: Category): CategoryImpact {
  return CATEGORIES.find((c) => c.id === id)!.impact;
}

export const SERVICE_STATES = [
  { id: 'down', label: 'Not working at all' },
  { id: 'degraded', label: 'Working, but badly' },
  { id: 'intermittent', label: 'Works sometimes, fails sometimes' },
  { id: 'not-affected', label: 'Calls work; this is about something else' },
] as const;

export type ServiceState = (typeof SERVICE_STATES)[number]['id'];
export const SERVICE_STATE_IDS = SERVICE_STATES.map((s) => s.id) as [ServiceState, ...ServiceState[]];
