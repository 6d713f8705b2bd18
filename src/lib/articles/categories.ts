// The one list of knowledge-base categories. The folder under content/articles/ is the category id.
import type { Category as TicketCategory } from '../triage/categories.ts';

export interface Category {
  id: string;
  label: string;
  description: string;
  /** The ticket category the "Open a ticket" link preselects. */
  ticketCategory: TicketCategory;
}

export const categories = [
  {
    id: 'registration',
    label: 'Phones and registration',
    description: 'Desk phones and softphones that will not register, or keep dropping off.',
    ticketCategory: 'registration',
  },
  {
    id: 'outbound-calls',
    label: 'Making calls',
    description: 'Outbound calls that fail, some destinations that fail, the wrong caller ID number.',
    ticketCategory: 'outbound-calls',
  },
  {
    id: 'inbound-calls',
    label: 'Receiving calls',
    description: 'Calls that do not ring, go straight to voicemail, or sound busy; after-hours routing.',
    ticketCategory: 'inbound-calls',
  },
  {
    id: 'call-quality',
    label: 'Call quality',
    description: 'One-way or no audio, choppy or robotic sound, echo, calls that drop.',
    ticketCategory: 'call-quality',
  },
  {
    id: 'caller-id',
    label: 'Caller ID and spam labels',
    description: 'The name people see when you call them, and calls shown as "Spam Likely" or blocked.',
    ticketCategory: 'caller-id',
  },
  {
    id: 'messaging',
    label: 'Text messages (SMS and MMS)',
    description: 'Texts that will not send or never arrive, 10DLC and toll-free registration, opt-outs.',
    ticketCategory: 'messaging',
  },
  {
    id: 'apps',
    label: 'Mobile and desktop apps',
    description: 'Signing in, missed incoming-call alerts, and one device taking calls from another.',
    ticketCategory: 'registration',
  },
  {
    id: 'call-features',
    label: 'Forwarding, menus, queues and recordings',
    description: 'Call forwarding and failover, auto attendants, ring groups and queues, conferences, recordings.',
    ticketCategory: 'call-routing',
  },
  {
    id: 'sip-trunking',
    label: 'SIP trunks and your own PBX',
    description: 'Connecting a PBX or Microsoft Teams Direct Routing to our SIP trunks.',
    ticketCategory: 'registration',
  },
  {
    id: 'setup',
    label: 'Setting up users, phones and your network',
    description: 'Adding a user or desk phone, and what your network and firewall need.',
    ticketCategory: 'setup',
  },
  {
    id: 'porting',
    label: 'Number porting',
    description: 'Bringing your numbers to us, tracking a port, or moving numbers away.',
    ticketCategory: 'porting',
  },
  {
    id: 'voicemail',
    label: 'Voicemail',
    description: 'Voicemail to email, PINs and greetings.',
    ticketCategory: 'voicemail',
  },
  {
    id: 'fax',
    label: 'Fax',
    description: 'Faxes that fail or arrive incomplete.',
    ticketCategory: 'fax',
  },
  {
    id: 'account',
    label: 'Account and security',
    description: 'Passwords, SIP credentials, fraud alerts, E911 addresses.',
    // Not 'portal': an account matter is never an outage, so the form must not open where it triages as one.
    ticketCategory: 'account',
  },
  {
    id: 'billing',
    label: 'Billing',
    description: 'Invoices, usage caps and prepaid balance.',
    ticketCategory: 'billing',
  },
  {
    id: 'support',
    label: 'Getting help',
    description: 'How to open a ticket, what priorities mean, after-hours emergencies.',
    ticketCategory: 'question',
  },
] as const satisfies readonly Category[];

export type CategoryId = (typeof categories)[number]['id'];

export const categoryIds = categories.map((c) => c.id) as [CategoryId, ...CategoryId[]];

export function categoryById(id: string): Category | undefined {
  return categories.find((c) => c.id === id);
}

export const audiences = ['end-user', 'admin'] as const;
export type Audience = (typeof audiences)[number];

export const audienceLabels: Record<Audience, string> = {
  'end-user': 'Phone users',
  admin: 'Administrators',
};
