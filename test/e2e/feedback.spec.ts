// "Was this helpful?" and failed searches, on the built site with its server: votes with and without
// JavaScript reach the outbox's database, a search that finds nothing is recorded, and the widget hides itself
// where no server answers.
import { expect, test } from '@playwright/test';
import { SqliteFeedbackStore } from '../../src/feedback/sqlite-store.ts';
import { expectNoAxeViolations, waitForHydration } from './helpers.ts';

const ARTICLE = '/kb/registration/phone-wont-register/';
// The server's outbox file (playwright.config.ts): feedback lives beside the tickets.
const DATABASE = process.env.E2E_OUTBOX_PATH || 'test-results/e2e-outbox.sqlite';

async function stored<T>(read: (store: SqliteFeedbackStore) => Promise<T>): Promise<T> {
  const store = new SqliteFeedbackStore(DATABASE);
  try {
    return await read(store);
  } finally {
    await store.close();
  }
}

const unique = () => Math.random().toString(36).slice(2, 10);

test.describe('with JavaScript', () => {
  test('a "yes" is sent in place and thanked', async ({ page }) => {
    await page.goto(ARTICLE);
    const widget = page.getByRole('region', { name: 'Was this helpful?' });
    await expect(widget).toBeVisible();
    await expectNoAxeViolations(page);
    const sent = page.waitForResponse((r) => r.url().endsWith('/api/feedback') && r.request().method() === 'POST');
    await widget.getByRole('button', { name: 'Yes' }).click();
    expect((await sent).status()).toBe(202);
    await expect(page.getByText('Thank you: your answer tells us')).toBeFocused();
    await expect(page).toHaveURL(ARTICLE);
  });

  test('a "no" with a reason and a comment is stored without the phone number in it', async ({ page }) => {
    const marker = `e2e-${unique()}`;
    await page.goto(ARTICLE);
    const widget = page.getByRole('region', { name: 'Was this helpful?' });
    await widget.getByText('No', { exact: true }).click();
    await widget.getByLabel('Out of date (menus or screens differ)').check();
    await widget.getByLabel('What should we change? (optional)').fill(`${marker} call me on 415 555 0134`);
    await expectNoAxeViolations(page);
    await widget.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByText('Thank you: your answer tells us')).toBeVisible();
    const votes = await stored((s) => s.votesSince(new Date(Date.now() - 60_000)));
    expect(votes.find((v) => v.comment?.startsWith(marker))).toMatchObject({
      article: 'registration/phone-wont-register',
      helpful: false,
      reason: 'outdated',
      comment: `${marker} call me on`,
    });
  });

  test('a search that finds nothing is recorded, normalised', async ({ page }) => {
    const word = `zqxv${unique().replace(/\d/g, '')}`;
    await page.goto('/search/');
    await waitForHydration(page);
    const recorded = page.waitForRequest((r) => r.url().endsWith('/api/feedback') && r.method() === 'POST');
    await page.getByLabel('Describe the problem or type an error code').fill(`  Flurble ${word}’s  `);
    await expect(page.getByText('Nothing matched.')).toBeVisible();
    expect((await recorded).postDataJSON()).toMatchObject({ kind: 'search', outcome: 'no-result', source: 'page' });
    await expect
      .poll(async () => (await stored((s) => s.failedSearchesSince(new Date(Date.now() - 60_000)))).map((f) => f.query))
      .toContain(`flurble ${word}`);
  });

  test('the widget hides itself when no server answers (static-only hosting)', async ({ page }) => {
    await page.route('**/api/feedback', (route) => route.fulfill({ status: 404, body: 'Not Found' }));
    await page.goto(ARTICLE);
    await expect(page.locator('#feedback')).toBeHidden();
    await expect(page.getByRole('heading', { name: 'Still stuck?' })).toBeVisible();
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('"no" is a plain form that posts and comes back to the article with a thank-you', async ({ page }) => {
    const marker = `nojs-${unique()}`;
    await page.goto(ARTICLE);
    const widget = page.getByRole('region', { name: 'Was this helpful?' });
    await widget.getByText('No', { exact: true }).click();
    await widget.getByLabel('The steps did not fix it').check();
    await widget.getByLabel('What should we change? (optional)').fill(marker);
    await widget.getByRole('button', { name: 'Send' }).click();
    await expect(page).toHaveURL(`${ARTICLE}#feedback-thanks`);
    await expect(page.getByText('Thank you: your answer tells us')).toBeVisible();
    await expect(widget.getByRole('button', { name: 'Yes' })).toBeHidden();
    const votes = await stored((s) => s.votesSince(new Date(Date.now() - 60_000)));
    expect(votes.find((v) => v.comment === marker)).toMatchObject({ helpful: false, reason: 'did-not-work' });
  });

  test('"yes" posts and comes back thanked', async ({ page }) => {
    await page.goto(ARTICLE);
    await page.getByRole('region', { name: 'Was this helpful?' }).getByRole('button', { name: 'Yes' }).click();
    await expect(page).toHaveURL(`${ARTICLE}#feedback-thanks`);
    await expect(page.getByText('Thank you: your answer tells us')).toBeVisible();
  });
});
