// The search-quality suite (test/search-quality/queries.json) on the built site's /search/ page: at least 95%
// of customer-phrased questions find their playbook in the top 3, and none returns nothing. Questions for
// playbooks not in this build yet are skipped until their article exists. `npm run bench:search` prints the
// same rates and the misses.
import { expect, test } from '@playwright/test';
import {
  formatRates,
  inBuild,
  loadQueries,
  outcome,
  qualityTarget,
  rates,
  searchPageResults,
  type Outcome,
} from '../search-quality/quality.ts';
import { baseURL } from '../../playwright.config.ts';

const all = loadQueries();

test('every question in the suite names pages the site has (or a playbook still being written)', () => {
  const missing = all.flatMap((q) =>
    q.expect.filter((id) => !q.newPlaybook && !inBuild(id)).map((id) => `${q.q}: ${id}`),
  );
  expect(missing).toEqual([]);
});

test('customer-phrased questions find their playbook in the top 3', async ({ page }) => {
  test.setTimeout(300_000);
  const queries = all.filter((q) => !q.newPlaybook || q.expect.some((id) => inBuild(id)));
  const outcomes: Outcome[] = [];
  for (const query of queries) outcomes.push(outcome(query, await searchPageResults(page, baseURL, query.q)));
  const r = rates(outcomes);
  console.log(formatRates(r));
  expect(r.empty, formatRates(r)).toBe(0);
  expect(r.top3, formatRates(r)).toBeGreaterThanOrEqual(qualityTarget.top3);
});

test.describe('the layered search', () => {
  test('says so when no article has all of the words', async ({ page }) => {
    // No playbook says "conversation", "middle" and "ending" together: the answer comes from the relaxed queries.
    const results = await searchPageResults(
      page,
      baseURL,
      'calls keep ending on their own in the middle of a conversation',
    );
    expect(results.slice(0, 3)).toContain('/kb/call-quality/calls-drop-after-30-seconds/');
    await expect(page.getByText('No article has all of your words; these match most of them.')).toBeVisible();
  });

  test('puts a code’s own page first, and a number that only starts a code finds nothing', async ({ page }) => {
    expect((await searchPageResults(page, baseURL, 'calls fail with SIP 488 when answered'))[0]).toBe(
      '/codes/sip/488/',
    );
    expect((await searchPageResults(page, baseURL, 'hangup cause 34 on calls to France'))[0]).toBe('/codes/q850/34/');
    expect(await searchPageResults(page, baseURL, '40')).toEqual([]);
    const ticket = page.locator('.search-page').getByRole('link', { name: 'open a ticket' });
    await expect(ticket).toHaveAttribute('href', '/support/new/?subject=40');
  });
});
