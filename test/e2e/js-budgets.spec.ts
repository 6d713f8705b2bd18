// The JavaScript budgets, held on the build under test (dist/client, which the browser tests serve): what each
// page type loads before it can be read or used (scripts/bench-budgets.ts, which `npm run bench` prints too),
// and in a real browser, that reading a page costs no React until the customer touches the search box.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { measureJavaScript, overBudget } from '../../scripts/bench-budgets.ts';
import { focusSearchBox } from './helpers.ts';

const CLIENT = 'dist/client';

test('every page type stays within its JavaScript budget', () => {
  const pages = measureJavaScript(CLIENT);
  expect(overBudget(pages)).toEqual([]);
  // Nothing a page needs to be read pulls in the schema library or the date library.
  for (const page of pages) {
    for (const file of page.files) {
      const code = readFileSync(path.join(CLIENT, file), 'utf8');
      expect(code, `${page.page}: ${file}`).not.toMatch(/ZodError|Invalid DateTime/);
    }
  }
});

test('reading an article loads no JavaScript until the search box is focused', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  // An article without a troubleshooter: the header search box is its only island.
  await page.goto('/kb/billing/bill-higher-than-expected/');
  await expect(page.locator('astro-island')).toHaveCount(1);
  await page.waitForLoadState('networkidle');
  expect(scripts).toEqual([]);

  await focusSearchBox(page);
  expect(scripts.some((s) => /\/_astro\/SearchBox\./.test(s))).toBe(true);
});

test('text typed into the search box before React arrives is kept', async ({ page }) => {
  // The island's script is slow to come (a phone on a hotspot): the customer types into the plain form.
  await page.route(/\/_astro\/SearchBox\./, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 500));
    await route.continue();
  });
  await page.goto('/kb/');
  await page.getByRole('searchbox', { name: 'Search help articles' }).pressSequentially('voicemail email');
  const box = page.getByRole('combobox', { name: 'Search help articles' });
  await expect(box).toHaveValue('voicemail email');
  await expect(page.getByRole('listbox', { name: 'Suggested articles' }).getByRole('option').first()).toBeVisible();
});
