import { expect, test, type Page } from '@playwright/test';
import { focusSearchBox, waitForHydration } from './helpers.ts';

async function search(page: Page, query: string) {
  await page.goto(`/search/?q=${encodeURIComponent(query)}`);
  await waitForHydration(page);
  const results = page.locator('.search-results > li h2 a');
  await expect(results.first()).toBeVisible();
  return results;
}

test.describe('search in the customer’s words', () => {
  test('"phone won\'t register" puts the registration article first', async ({ page }) => {
    const results = await search(page, "phone won't register");
    await expect(results.first()).toHaveAttribute('href', /\/kb\/registration\/phone-wont-register\//);
  });

  test('"caller id shows number" finds the CNAM article', async ({ page }) => {
    const results = await search(page, 'caller id shows number');
    const hrefs = await results.evaluateAll((as) => as.slice(0, 3).map((a) => a.getAttribute('href')));
    expect(hrefs.some((h) => h?.includes('/kb/caller-id/caller-id-name-shows-number/'))).toBe(true);
  });

  test('shows six results at a time, and more on request', async ({ page }) => {
    const results = await search(page, 'calls');
    await expect(results).toHaveCount(6);
    await page.getByRole('button', { name: 'Show more results' }).click();
    await expect(results).toHaveCount(12);
    await expect(page.getByRole('status')).toContainText('12 results for “calls”');
  });

  test('"transfer my number" finds porting', async ({ page }) => {
    const results = await search(page, 'transfer my number');
    const hrefs = await results.evaluateAll((as) => as.slice(0, 3).map((a) => a.getAttribute('href')));
    expect(hrefs.some((h) => h?.includes('/kb/porting/port-a-number-to-us/'))).toBe(true);
  });

  test('an error code finds the registration article', async ({ page }) => {
    // Many playbooks resolve a 403 (it is also the answer to blocked destinations and locked accounts), so the
    // registration playbook has to be on the first screen of results, not necessarily first.
    for (const query of ['403', 'SIP 403']) {
      const results = await search(page, query);
      const hrefs = await results.evaluateAll((as) => as.slice(0, 5).map((a) => a.getAttribute('href')));
      expect(hrefs, query).toContain('/kb/registration/phone-wont-register/');
    }
  });

  test('punctuation in codes stays searchable (*67, +1)', async ({ page }) => {
    const star = await search(page, '*67');
    await expect(star.first()).toHaveAttribute('href', '/kb/outbound-calls/outbound-caller-id-number-wrong/');
    const plus = await search(page, '+1 212');
    await expect(plus.first()).toHaveAttribute('href', '/kb/support/after-hours-emergencies/');
  });

  test('filters narrow the results', async ({ page }) => {
    const results = await search(page, 'number');
    const before = await results.count();
    await page.getByRole('group', { name: 'Topic' }).getByLabel('Number porting').check();
    await expect(page).toHaveURL(/category=Number\+porting/);
    await expect.poll(async () => results.count()).toBeLessThan(before);
    const hrefs = await results.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.every((h) => h?.startsWith('/kb/porting/'))).toBe(true);
  });
});

test('keyboard-only search from the header: type, arrow down, Enter opens the article', async ({ page }) => {
  await page.goto('/kb/');
  await waitForHydration(page);
  const box = await focusSearchBox(page);
  await page.keyboard.type('voicemail email');
  const listbox = page.getByRole('listbox', { name: 'Suggested articles' });
  await expect(listbox.getByRole('option').first()).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(box).toHaveAttribute('aria-activedescendant', /option-0$/);
  await expect(listbox.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Escape');
  await expect(listbox).toBeHidden();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/kb\/voicemail\//);
});

test('Enter without choosing a suggestion opens the search page', async ({ page }) => {
  await page.goto('/');
  await waitForHydration(page);
  const box = await focusSearchBox(page);
  await box.fill('no service');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=no\+service/);
});
