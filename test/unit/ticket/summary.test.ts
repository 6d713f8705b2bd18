import { describe, expect, it } from 'vitest';
import { newDraft, type TicketDraft } from '../../../src/lib/ticket/draft.ts';
import { TICKET_STEPS } from '../../../src/lib/ticket/steps.ts';
import { draftSummary } from '../../../src/lib/ticket/summary.ts';

function draft(patch: Partial<TicketDraft>): TicketDraft {
  return { ...newDraft('summary-test-key-000001'), ...patch };
}

const answer = (summary: ReturnType<typeof draftSummary>, question: string) =>
  summary.flatMap((s) => s.answers).find((a) => a.question === question)?.answer;

describe('draftSummary', () => {
  it('has one section per step before review, titled as the steps are', () => {
    expect(draftSummary(draft({})).map((s) => s.title)).toEqual(TICKET_STEPS.slice(0, 4).map((s) => s.title));
  });

  it('writes the answers in words', () => {
    const summary = draftSummary(
      draft({
        category: 'registration',
        serviceState: 'down',
        affectedUsers: '3',
        totalUsers: '40',
        previouslyWorking: 'yes',
        workaround: 'no',
        affectedNumbers: '+1 212 555 0100\n\n101\n',
        device: { make: 'Yealink', model: 'T54W' },
      }),
    );
    expect(answer(summary, 'Problem')).toBe("My phone won't register");
    expect(answer(summary, 'Users affected')).toBe('3 of 40');
    expect(answer(summary, 'Worked before')).toBe('Yes');
    expect(answer(summary, 'Workaround')).toBe('No');
    expect(answer(summary, 'Affected numbers')).toBe('+1 212 555 0100; 101');
    expect(answer(summary, 'Phone')).toBe('Yealink T54W');
  });

  it('leaves the phone out unless the problem is registration, and joins company and account', () => {
    const summary = draftSummary(
      draft({
        category: 'fax',
        device: { make: 'Yealink', model: 'T54W' },
        contact: { ...newDraft('summary-test-key-000002').contact, company: 'Example Dental', account: 'A-1001' },
      }),
    );
    expect(answer(summary, 'Phone')).toBe('');
    expect(answer(summary, 'Company')).toBe('Example Dental, account A-1001');
  });
});
