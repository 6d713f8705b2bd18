import { describe, expect, it } from 'vitest';
import { ticketFormUrl } from '../../../src/lib/articles/links.ts';
import { restoreDraft } from '../../../src/lib/ticket/draft-restore.ts';
import { draftToTicket, localTimeToInstant } from '../../../src/lib/ticket/draft-ticket.ts';
import {
  applyPrefill,
  isBlankDraft,
  newDraft,
  prefillFromQuery,
  type TicketDraft,
} from '../../../src/lib/ticket/draft.ts';
import { ticketSchema, validateTicketStep } from '../../../src/lib/ticket/index.ts';

const KEY = '6f1c2a1e-2b7d-4c4e-9a57-3f0e5d9a2b10';
const context = { timeZone: 'Europe/Berlin', website: '' };

/** A draft as a customer fills it in: text everywhere, one item per line. */
function filledDraft(overrides: Partial<TicketDraft> = {}): TicketDraft {
  return {
    ...newDraft(KEY),
    category: 'registration',
    subject: 'Front desk phone shows No Service',
    serviceState: 'down',
    affectedUsers: ' 1 ',
    totalUsers: '40',
    previouslyWorking: 'yes',
    workaround: 'no',
    description: 'Since 08:10 the front desk phone shows "No Service".',
    affectedNumbers: '+1 212 555 0100\n\n 101 \n',
    exampleCalls: [{ time: '2026-11-24T14:12', from: '101', to: '+1 212 555 0142', callId: ' ' }],
    device: { make: 'Yealink', model: 'T54W' },
    stepsTried: 'Rebooted the phone\nChecked the cable',
    links: 'https://files.example.com/capture.pcap',
    contact: {
      name: 'Dana Reyes',
      email: 'dana@example.com',
      callbackNumber: '+1 917 555 0177',
      company: 'Example Dental',
      account: '',
    },
    ...overrides,
  };
}

describe('draftToTicket', () => {
  it('turns what the inputs hold into the ticket the endpoint accepts', () => {
    const ticket = draftToTicket(filledDraft(), context);
    expect(ticketSchema.safeParse(ticket).success).toBe(true);
    expect(ticket).toMatchObject({
      affectedUsers: 1,
      totalUsers: 40,
      previouslyWorking: true,
      workaround: false,
      affectedNumbers: ['+1 212 555 0100', '101'],
      exampleCalls: [{ time: '2026-11-24T14:12:00+01:00', from: '101', to: '+1 212 555 0142', callId: undefined }],
      stepsTried: ['Rebooted the phone', 'Checked the cable'],
      customerTimeZone: 'Europe/Berlin',
      customerUrgency: undefined,
      idempotencyKey: KEY,
      website: '',
    });
    expect((ticket.contact as { account?: string }).account).toBeUndefined();
  });

  it('asks for the phone only for registration problems', () => {
    expect(draftToTicket(filledDraft({ category: 'fax' }), context).device).toBeUndefined();
    const blank = draftToTicket(filledDraft({ device: { make: '', model: '' } }), context);
    expect(blank.device).toBeUndefined();
    expect(validateTicketStep('details', blank).map((e) => e.path)).toEqual(['device']);
  });

  it('leaves unanswered questions out and keeps text that is not a number, so the schema says what is wrong', () => {
    const ticket = draftToTicket(newDraft(KEY), context);
    expect(ticket).toMatchObject({ category: undefined, serviceState: undefined, affectedUsers: undefined });
    expect(draftToTicket(filledDraft({ affectedUsers: 'ten', totalUsers: '1.5' }), context)).toMatchObject({
      affectedUsers: 'ten',
      totalUsers: 1.5,
    });
    expect(validateTicketStep('impact', draftToTicket(filledDraft({ affectedUsers: 'ten' }), context))).toEqual([
      { path: 'affectedUsers', message: 'must be a whole number of users (0 or more)' },
    ]);
  });

  it('sends the urgency request only when the customer asks for it', () => {
    const urgent = filledDraft({
      moreUrgent: true,
      requestedPriority: 'critical',
      urgencyReason: 'Our only sales line',
    });
    expect(draftToTicket(urgent, context).customerUrgency).toEqual({
      requested: 'critical',
      reason: 'Our only sales line',
    });
    expect(draftToTicket({ ...urgent, moreUrgent: false }, context).customerUrgency).toBeUndefined();
  });

  it('passes the honeypot through, so a bot is refused by the same schema', () => {
    const ticket = draftToTicket(filledDraft(), { ...context, website: 'http://spam.example' });
    expect(ticketSchema.safeParse(ticket).success).toBe(false);
  });
});

describe('localTimeToInstant', () => {
  it("reads the wall clock in the customer's zone, daylight saving included", () => {
    expect(localTimeToInstant('2026-11-28T21:12', 'Europe/Berlin')).toBe('2026-11-28T21:12:00+01:00');
    expect(localTimeToInstant('2026-07-01T09:00', 'Europe/Berlin')).toBe('2026-07-01T09:00:00+02:00');
    expect(localTimeToInstant('2026-11-24T08:12', 'America/New_York')).toBe('2026-11-24T08:12:00-05:00');
  });

  it('gives an empty string for no time or a time that is not one', () => {
    expect(localTimeToInstant('', 'Europe/Berlin')).toBe('');
    expect(localTimeToInstant('yesterday', 'Europe/Berlin')).toBe('');
  });
});

describe('prefillFromQuery', () => {
  it('reads what ticketFormUrl writes: category, article, steps tried, subject', () => {
    const url = new URL(
      ticketFormUrl({
        category: 'registration',
        article: 'registration/phone-wont-register',
        subject: 'Phone says No Service',
        tried: ['Reboot the phone', 'Check the network cable'],
      }),
      'https://support.example.com',
    );
    expect(prefillFromQuery(url.searchParams)).toEqual({
      category: 'registration',
      fromArticle: 'registration/phone-wont-register',
      subject: 'Phone says No Service',
      stepsTried: ['Reboot the phone', 'Check the network cable'],
    });
  });

  it('maps a knowledge-base category to its ticket category', () => {
    expect(prefillFromQuery(new URLSearchParams('category=account')).category).toBe('account');
    expect(prefillFromQuery(new URLSearchParams('category=support')).category).toBe('question');
  });

  it('leaves out what is not valid instead of showing the customer an error they did not make', () => {
    const query = new URLSearchParams('category=warp-drive&article=../../etc&tried=%20&tried=Reboot&tried=Reboot');
    expect(prefillFromQuery(query)).toEqual({ stepsTried: ['Reboot'] });
    expect(prefillFromQuery(new URLSearchParams(`subject=${'x'.repeat(200)}`)).subject).toHaveLength(150);
  });
});

describe('applyPrefill', () => {
  it("keeps the customer's answers and adds the steps they had not listed", () => {
    const draft = filledDraft({ category: 'fax', subject: 'Faxes fail', stepsTried: 'Reboot' });
    const merged = applyPrefill(draft, {
      category: 'registration',
      subject: 'Other',
      stepsTried: ['Reboot', 'Check cable'],
    });
    expect(merged).toMatchObject({ category: 'fax', subject: 'Faxes fail', stepsTried: 'Reboot\nCheck cable' });
    expect(applyPrefill(newDraft(KEY), { category: 'porting' }).category).toBe('porting');
  });
});

describe('restoreDraft', () => {
  it('restores a saved draft exactly', () => {
    const draft = filledDraft({ step: 3 });
    expect(restoreDraft(JSON.stringify(draft))).toEqual(draft);
  });

  it('drops nothing but the fields that no longer fit', () => {
    const saved = { ...filledDraft(), category: 'teleportation', step: 9, exampleCalls: 'none' };
    expect(restoreDraft(JSON.stringify(saved))).toMatchObject({
      category: '',
      step: 0,
      exampleCalls: [],
      subject: 'Front desk phone shows No Service',
    });
  });

  it('reads a key alone as the new draft: the form and the schema agree on every empty field', () => {
    expect(restoreDraft(JSON.stringify({ idempotencyKey: KEY }))).toEqual(newDraft(KEY));
  });

  it('tells a draft with answers from one where nothing was typed', () => {
    expect(isBlankDraft({ ...newDraft(KEY), step: 2 })).toBe(true);
    expect(isBlankDraft({ ...newDraft(KEY), subject: 'x' })).toBe(false);
    expect(isBlankDraft({ ...newDraft(KEY), contact: { ...newDraft(KEY).contact, name: 'Dana' } })).toBe(false);
  });

  it('starts afresh without a draft, with unreadable JSON, or without a valid key', () => {
    expect(restoreDraft(null)).toBeUndefined();
    expect(restoreDraft('{"idempotencyKey":')).toBeUndefined();
    expect(restoreDraft(JSON.stringify({ ...filledDraft(), idempotencyKey: 'short' }))).toBeUndefined();
  });
});
