import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, focusSearchBox, waitForHydration } from './helpers.ts';

test.describe('knowledge base pages', () => {
  test('home lists categories with counts and links to articles', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'How can we help?' })).toBeVisible();
    const registration = page.getByRole('link', { name: 'Phones and registration' });
    await expect(registration).toHaveAttribute('href', '/kb/registration/');
    await expect(page.locator('.card', { has: registration })).toContainText(/\d+ articles?/);
  });

  test('category page lists its articles', async ({ page }) => {
    await page.goto('/kb/porting/');
    await expect(page.getByRole('heading', { level: 1, name: 'Number porting' })).toBeVisible();
    await expect(
      page.getByRole('main').getByRole('link', { name: 'I want to transfer my number to you' }),
    ).toBeVisible();
  });

  test('article page has breadcrumbs, contents, steps, an edit link and a ticket link with the category', async ({
    page,
  }) => {
    await page.goto('/kb/registration/phone-wont-register/');
    const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
    await expect(crumbs.getByRole('link', { name: 'Phones and registration' })).toHaveAttribute(
      'href',
      '/kb/registration/',
    );
    await expect(page.getByRole('navigation').filter({ hasText: 'On this page' })).toBeVisible();
    expect(await page.locator('ol.steps > li.check').count()).toBeGreaterThanOrEqual(2);
    await expect(page.getByRole('link', { name: 'Edit this article' })).toHaveAttribute(
      'href',
      /\/edit\/main\/content\/articles\/registration\/phone-wont-register\.mdx$/,
    );
    const ticket = page.getByRole('main').getByRole('link', { name: 'Open a ticket', exact: true });
    await expect(ticket).toHaveAttribute(
      'href',
      /\/support\/new\/\?category=registration&article=registration%2Fphone-wont-register/,
    );
  });

  test('the escalate block carries the checks as steps already tried', async ({ page }) => {
    await page.goto('/kb/registration/phone-wont-register/');
    const href = await page.getByRole('link', { name: 'Open a ticket with these details' }).getAttribute('href');
    const url = new URL(href!, 'http://x');
    expect(url.pathname).toBe('/support/new/');
    expect(url.searchParams.get('category')).toBe('registration');
    expect(url.searchParams.getAll('tried').length).toBeGreaterThanOrEqual(2);
  });

  test('unknown pages get the 404 page with search and topics', async ({ page }) => {
    const response = await page.goto('/kb/nothing-here/at-all/');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'We could not find that page' })).toBeVisible();
    await expect(await focusSearchBox(page, page.getByRole('main'))).toBeVisible();
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('home, category and article pages are complete', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('link', { name: 'Phones and registration' })).toBeVisible();
    await page.goto('/kb/registration/');
    await page.getByRole('link', { name: "My phone won't register" }).click();
    await expect(page.getByRole('heading', { level: 1, name: "My phone won't register" })).toBeVisible();
    await expect(page.locator('li.check').first()).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Before you open a ticket, have this ready' })).toBeVisible();
  });

  test('the search form degrades to the category index', async ({ page }) => {
    await page.goto('/kb/registration/');
    const box = page.getByRole('search', { name: 'Help articles' }).getByRole('searchbox');
    await box.fill('transfer my number');
    await box.press('Enter');
    await expect(page).toHaveURL(/\/search\/\?q=transfer\+my\+number/);
    await expect(page.getByText('Search needs JavaScript')).toBeVisible();
    await page.getByRole('link', { name: 'Number porting' }).click();
    await expect(page.getByRole('link', { name: 'I want to transfer my number to you' })).toBeVisible();
  });
});

test.describe('accessibility', () => {
  for (const [name, path] of [
    ['home', '/'],
    ['category', '/kb/registration/'],
    ['article', '/kb/registration/phone-wont-register/'],
    ['search', '/search/?q=register'],
    ['404', '/no-such-page/'],
  ] as const) {
    test(`axe finds no violations on the ${name} page`, async ({ page }) => {
      await page.goto(path);
      await waitForHydration(page);
      await expectNoAxeViolations(page);
    });
  }
});
