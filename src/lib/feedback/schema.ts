// What readers send to POST /api/feedback: a vote on an article ("Was this helpful?") or a search that failed
// them. Pure: the endpoint validates with these, the widget and the search islands build the same shapes.
import { z } from 'zod';
import { normalise } from '../search/normalise.ts';
import { ARTICLE_ID_PATTERN } from '../ticket/form-rules.ts';

/** Why an article did not help, as the widget offers them (short: one click, no typing needed). */
export const FEEDBACK_REASONS = ['did-not-work', 'unclear', 'outdated', 'wrong-article', 'other'] as const;
export type FeedbackReason = (typeof FEEDBACK_REASONS)[number];

export const reasonLabels: Record<FeedbackReason, string> = {
  'did-not-work': 'The steps did not fix it',
  unclear: 'Hard to follow',
  outdated: 'Out of date (menus or screens differ)',
  'wrong-article': 'Not my problem',
  other: 'Something else',
};

export const COMMENT_MAX = 500;
/** Longer queries are pasted logs or messages, not searches: kept to this many characters. */
export const QUERY_MAX = 200;

/** no-result: the search found nothing; no-click: it found articles and none was opened. */
export const SEARCH_OUTCOMES = ['no-result', 'no-click'] as const;
export type SearchOutcome = (typeof SEARCH_OUTCOMES)[number];
export const SEARCH_SOURCES = ['page', 'box'] as const;

const articleId = z
  .string({ error: 'must be an article id like "registration/phone-wont-register"' })
  .regex(ARTICLE_ID_PATTERN, { error: 'must be an article id like "registration/phone-wont-register"' });

export const voteSchema = z.strictObject({
  kind: z.literal('vote'),
  article: articleId,
  helpful: z.boolean({ error: 'must be true (yes) or false (no)' }),
  reason: z.enum(FEEDBACK_REASONS, { error: `must be one of ${FEEDBACK_REASONS.join(', ')}` }).optional(),
  comment: z
    .string({ error: 'must be text' })
    .max(COMMENT_MAX, { error: `must be at most ${COMMENT_MAX} characters` })
    .optional(),
  /** The honeypot: a field people never see, that form-filling robots do. */
  website: z.string().optional(),
});

export const failedSearchSchema = z.strictObject({
  kind: z.literal('search'),
  query: z.string({ error: 'must be the text searched for' }).min(1, { error: 'must not be empty' }).max(1000, {
    error: 'must be at most 1000 characters',
  }),
  outcome: z.enum(SEARCH_OUTCOMES, { error: `must be one of ${SEARCH_OUTCOMES.join(', ')}` }),
  source: z.enum(SEARCH_SOURCES, { error: `must be one of ${SEARCH_SOURCES.join(', ')}` }).optional(),
  website: z.string().optional(),
});

export const feedbackSchema = z.discriminatedUnion('kind', [voteSchema, failedSearchSchema], {
  error: 'kind must be "vote" (was this article helpful) or "search" (a search that failed)',
});

export type VoteInput = z.infer<typeof voteSchema>;
export type FailedSearchInput = z.infer<typeof failedSearchSchema>;
export type FeedbackInput = z.infer<typeof feedbackSchema>;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
/**
 * A phone or account number: 7 or more digits, possibly broken up by spaces, dots, dashes, slashes or
 * brackets, with an optional +. Shorter runs stay: SIP codes (403), star codes (*72), extensions (ext 204).
 */
const LONG_NUMBER = /\+?\(?\d(?:[\s().\/-]*\d){6,}\)?/g;

/** Takes out what could identify a person: e-mail addresses and phone-number-like digit runs. */
export function scrubPersonalData(text: string): string {
  return text.replace(EMAIL, ' ').replace(LONG_NUMBER, ' ').replace(/\s+/g, ' ').trim();
}

/** A query as stored: personal data out, normalised as the search compares text, at most QUERY_MAX characters. */
export function storedQuery(query: string): string {
  return normalise(scrubPersonalData(query)).slice(0, QUERY_MAX).trim();
}

/** A comment as stored: personal data out, whitespace tidied (the text is otherwise the reader's own). */
export function storedComment(comment: string | undefined): string | undefined {
  if (comment === undefined) return undefined;
  const scrubbed = scrubPersonalData(comment);
  return scrubbed === '' ? undefined : scrubbed;
}

/**
 * A plain form post (no JavaScript) as the JSON shape: helpful=yes|no, reason, comment, website. Empty fields
 * are left out, so an unchosen reason is no reason.
 */
export function voteFromForm(form: URLSearchParams): Record<string, unknown> {
  const field = (name: string) => {
    const value = form.get(name);
    return value === null || value.trim() === '' ? undefined : value;
  };
  const helpful = field('helpful');
  return {
    kind: 'vote',
    article: field('article'),
    helpful: helpful === 'yes' ? true : helpful === 'no' ? false : helpful,
    ...(field('reason') !== undefined && { reason: field('reason') }),
    ...(field('comment') !== undefined && { comment: field('comment') }),
    ...(field('website') !== undefined && { website: field('website') }),
  };
}

/** The article's page, from its id (validated, so the path is ours). */
export function articlePath(article: string): string {
  return `/kb/${article}/`;
}
