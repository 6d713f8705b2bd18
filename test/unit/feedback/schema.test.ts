// What the feedback endpoint keeps: no e-mail addresses, no phone numbers, queries normalised; form posts mapped.
import { describe, expect, it } from 'vitest';
import {
  feedbackSchema,
  scrubPersonalData,
  storedComment,
  storedQuery,
  voteFromForm,
} from '../../../src/lib/feedback/schema.ts';

describe('personal data', () => {
  it('removes e-mail addresses and phone-number-like digit runs, keeping codes and short numbers', () => {
    expect(scrubPersonalData('call me on +1 (415) 555-0134 or jane.doe@example.com about SIP 403')).toBe(
      'call me on or about SIP 403',
    );
    expect(scrubPersonalData('ext 204 and *72 forwarding, account 12345678')).toBe(
      'ext 204 and *72 forwarding, account',
    );
    expect(scrubPersonalData('0044 20 7946 0958 drops')).toBe('drops');
  });

  it('stores queries normalised, at most 200 characters, empty when only personal data was typed', () => {
    expect(storedQuery("  Phone WON'T register — bob@example.org  ")).toBe('phone will not register');
    expect(storedQuery('555 123 4567')).toBe('');
    expect(storedQuery('fax '.repeat(100)).length).toBeLessThanOrEqual(200);
  });

  it("keeps a comment in the reader's words, minus personal data; an emptied comment is none", () => {
    expect(storedComment('Step 3 menu is now under Settings. Mail me: a@b.co')).toBe(
      'Step 3 menu is now under Settings. Mail me:',
    );
    expect(storedComment(' a@b.co ')).toBeUndefined();
    expect(storedComment(undefined)).toBeUndefined();
  });
});

describe('the feedback shapes', () => {
  it('maps a plain form post to a vote, leaving empty fields out', () => {
    const form = new URLSearchParams({ article: 'fax/fax-fails', helpful: 'no', reason: 'outdated', comment: '' });
    expect(voteFromForm(form)).toEqual({ kind: 'vote', article: 'fax/fax-fails', helpful: false, reason: 'outdated' });
    expect(feedbackSchema.safeParse(voteFromForm(form)).success).toBe(true);
    expect(voteFromForm(new URLSearchParams({ article: 'fax/fax-fails', helpful: 'yes' })).helpful).toBe(true);
  });

  it('names the field and the fix for bad input', () => {
    const bad = feedbackSchema.safeParse({
      kind: 'vote',
      article: '../etc',
      helpful: 'maybe',
      comment: 'x'.repeat(501),
    });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages).toEqual([
      'article: must be an article id like "registration/phone-wont-register"',
      'helpful: must be true (yes) or false (no)',
      'comment: must be at most 500 characters',
    ]);
    expect(feedbackSchema.safeParse({ kind: 'search', query: 'x', outcome: 'bored' }).success).toBe(false);
    expect(feedbackSchema.safeParse({ kind: 'vote', article: 'fax/a', helpful: true, ip: '1.2.3.4' }).success).toBe(
      false,
    );
  });
});
