import { describe, expect, it } from 'vitest';
import { readableFieldErrors } from '../../../src/lib/policy/index.ts';
import {
  asksForDevice,
  deriveTicket,
  earliestStepErrors,
  isSameNumber,
  stepOfField,
  ticketSchema,
  validateTicketStep,
} from '../../../src/lib/ticket/index.ts';
import { defaultPolicy } from '../../fixtures/ticket/policy.ts';
import { ticketInput } from '../../fixtures/ticket/tickets.ts';

function errorsOf(input: unknown): string[] {
  const result = ticketSchema.safeParse(input);
  return result.success ? [] : readableFieldErrors(result.error, input).map((e) => `${e.path}: ${e.message}`);
}

describe('ticketSchema', () => {
  it('accepts the form ticket and fills in empty lists', () => {
    expect(errorsOf(ticketInput())).toEqual([]);
    const minimal = ticketInput({ category: 'billing', device: undefined });
    delete minimal.affectedNumbers;
    delete minimal.exampleCalls;
    delete minimal.links;
    delete minimal.stepsTried;
    const parsed = ticketSchema.parse(minimal);
    expect(parsed.affectedNumbers).toEqual([]);
    expect(parsed.exampleCalls).toEqual([]);
  });

  it('rejects a filled honeypot', () => {
    expect(errorsOf(ticketInput({ website: 'http://spam.example' }))).toEqual(['website: must be left empty']);
  });

  it('needs the device make and model for a phone that will not register', () => {
    expect(errorsOf(ticketInput({ device: undefined }))).toEqual([
      "device: is needed for a phone that won't register: give the make and model, e.g. Yealink T54W",
    ]);
    expect(errorsOf(ticketInput({ category: 'outage', device: undefined }))).toEqual([]);
  });

  it('needs a callback number that is not one of the broken lines', () => {
    const contact = { ...ticketInput().contact, callbackNumber: '(212) 555-0100' };
    expect(errorsOf(ticketInput({ contact }))).toEqual([
      'contact.callbackNumber: must be a number that works: +1 212 555 0100 is one of the affected numbers',
    ]);
  });

  it('applies the triage rules on users', () => {
    expect(errorsOf(ticketInput({ affectedUsers: 41 }))).toEqual([
      'affectedUsers: must not be more than totalUsers (40)',
    ]);
  });

  it('caps lengths and list sizes', () => {
    const call = ticketInput().exampleCalls![0]!;
    expect(
      errorsOf(
        ticketInput({
          subject: 'x'.repeat(151),
          description: 'y'.repeat(5001),
          exampleCalls: Array.from({ length: 6 }, () => call),
          stepsTried: ['z'.repeat(301)],
        }),
      ),
    ).toEqual([
      'subject: must be at most 150 characters',
      'description: must be at most 5000 characters',
      'exampleCalls: must list at most 5 example calls',
      'stepsTried[0]: must be at most 300 characters',
    ]);
  });

  it('accepts only http and https links', () => {
    expect(
      errorsOf(ticketInput({ links: ['javascript:alert(1)', 'ftp://files.example.com/x', 'not a link'] })),
    ).toEqual([
      'links[0]: must be a link starting with https:// or http://',
      'links[1]: must be a link starting with https:// or http://',
      'links[2]: must be a link starting with https:// or http://',
    ]);
  });

  it('checks the contact, the idempotency key and the customer urgency', () => {
    expect(
      errorsOf(
        ticketInput({
          contact: { name: '', email: 'dana', callbackNumber: 'call me', company: 'Example Dental' },
          idempotencyKey: 'short',
          customerUrgency: { requested: 'urgent' as never, reason: 'now' },
        }),
      ),
    ).toEqual([
      'contact.name: must not be empty: your name',
      'contact.email: must be an e-mail address such as you@example.com',
      'contact.callbackNumber: must be a phone number or extension such as "+1 212 555 0100" or "101": a number we can call you back on',
      'customerUrgency.requested: must be one of: critical, high, normal, low',
      'customerUrgency.reason: must be at least 10 characters: why it is more urgent than that',
      'idempotencyKey: must be 16-64 letters, digits, "-" or "_" (a UUID)',
    ]);
  });

  it('names missing fields', () => {
    expect(errorsOf({ category: 'outage' })).toEqual(
      expect.arrayContaining([
        'subject: is missing: it must be text: a short summary, e.g. "Front desk phone shows No Service"',
      ]),
    );
  });
});

describe('isSameNumber', () => {
  it('compares digits and tolerates a missing country code', () => {
    expect(isSameNumber('+1 (212) 555-0100', '212.555.0100')).toBe(true);
    expect(isSameNumber('101', '101')).toBe(true);
    expect(isSameNumber('101', '+1 212 555 0101')).toBe(false);
    expect(isSameNumber('+1 212 555 0100', '+1 212 555 0101')).toBe(false);
  });
});

describe('validateTicketStep', () => {
  it('checks only the fields of the step', () => {
    expect(validateTicketStep('problem', { category: 'registration', subject: 'Phone' })).toEqual([]);
    expect(validateTicketStep('problem', { subject: 'x' })).toEqual([
      { path: 'category', message: expect.stringMatching(/^is missing/), missing: true },
      {
        path: 'subject',
        message: 'must be at least 3 characters: a short summary, e.g. "Front desk phone shows No Service"',
      },
    ]);
  });

  it('applies cross-field rules once their fields are known', () => {
    const draft = {
      category: 'registration',
      subject: 'Phone down',
      serviceState: 'down',
      affectedUsers: 0,
      totalUsers: 5,
    };
    expect(validateTicketStep('impact', draft)).toEqual([
      { path: 'previouslyWorking', message: expect.stringMatching(/^is missing/), missing: true },
      { path: 'workaround', message: expect.stringMatching(/^is missing/), missing: true },
      {
        path: 'affectedUsers',
        message: expect.stringMatching(/^must be at least 1 when serviceState is "down"/),
      },
    ]);
    const details = { ...ticketInput(), device: undefined };
    expect(validateTicketStep('details', details)).toEqual([
      { path: 'device', message: expect.stringMatching(/^is needed for a phone that won't register/) },
    ]);
    // The details step passes with the device, even though contact is still empty.
    expect(validateTicketStep('details', { ...ticketInput(), contact: undefined })).toEqual([]);
  });

  it('finds the step of a field path', () => {
    expect(stepOfField('contact.callbackNumber')).toBe('contact');
    expect(stepOfField('exampleCalls[2].time')).toBe('details');
    expect(stepOfField('nonsense')).toBeUndefined();
  });

  it('sends the customer to the earliest step with errors, with only that step’s errors', () => {
    const errors = [
      { path: 'contact.email', message: 'must be an e-mail address' },
      { path: 'affectedUsers', message: 'must not be more than totalUsers (40)' },
      { path: 'totalUsers', message: 'must be at least 1' },
      { path: '', message: 'the ticket is too large' },
    ];
    expect(earliestStepErrors(errors)).toEqual({ step: 1, errors: [errors[1], errors[2]] });
    expect(earliestStepErrors([errors[3]!])).toBeUndefined();
  });
});

describe('deriveTicket', () => {
  const policy = defaultPolicy();

  it('derives priority and due times at the given moment, in the policy time zone', () => {
    const ticket = ticketSchema.parse(ticketInput());
    const derived = deriveTicket(ticket, policy, new Date('2026-11-24T15:00:00Z'));
    expect(derived).toEqual({
      submittedAt: '2026-11-24T10:00:00-05:00',
      timeZone: 'America/New_York',
      priority: 'high',
      reasons: [expect.stringMatching(/^1 of 40 users \(2\.5%\) have phones that will not register/)],
      clock: '24x7',
      afterHours: false,
      firstResponseDue: '2026-11-24T16:00:00Z',
      resolutionDue: '2026-11-25T15:00:00Z',
      needsPriorityReview: false,
    });
  });

  it('flags a request for a more urgent priority for review, not a less urgent one', () => {
    const reason = 'Our whole front desk depends on this phone';
    const now = new Date('2026-11-24T15:00:00Z');
    const more = ticketSchema.parse(ticketInput({ customerUrgency: { requested: 'critical', reason } }));
    expect(deriveTicket(more, policy, now)).toMatchObject({ priority: 'high', needsPriorityReview: true });
    const less = ticketSchema.parse(ticketInput({ customerUrgency: { requested: 'low', reason } }));
    expect(deriveTicket(less, policy, now).needsPriorityReview).toBe(false);
  });
});

describe('asksForDevice', () => {
  it('asks for the phone only when it will not register', () => {
    expect(asksForDevice('registration')).toBe(true);
    expect(asksForDevice('outage')).toBe(false);
    expect(asksForDevice('')).toBe(false);
  });
});
