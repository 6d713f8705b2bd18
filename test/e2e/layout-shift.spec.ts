// Nothing moves while a page loads: the layout-shift entries the browser records (PerformanceObserver
// 'layout-shift', buffered) from navigation until the page has settled (islands hydrated, search results or a
// restored draft shown) add up to less than 0.02 on every page type, on a desktop and on a phone screen. The sum
// of every shift is at least the CLS the browser would report (its largest session window), so this is strict.
import { expect, test, type Page } from '@playwright/test';
import { CLS_TARGET, layoutShiftsSoFar, recordLayoutShifts } from '../../scripts/bench-budgets.ts';
import { waitForHydration } from './helpers.ts';

const SCREENS = {
  desktop: { width: 1280, height: 720 },
  // Lighthouse's mobile screen (Moto G Power).
  phone: { width: 412, height: 823 },
} as const;

async function expectStill(page: Page) {
  const shifts = await layoutShiftsSoFar(page);
  const total = shifts.reduce((sum, s) => sum + s.value, 0);
  expect(total, `layout shifts: ${JSON.stringify(shifts)}`).toBeLessThan(CLS_TARGET);
}

/** What "loaded" means for each page type: what the customer waits for before reading or acting. */
const PAGES: Array<{ name: string; path: string; settled: (page: Page) => Promise<void> }> = [
  { name: 'home', path: '/', settled: async () => {} },
  {
    name: 'article with a troubleshooter',
    path: '/kb/registration/phone-wont-register/',
    settled: async (page) => {
      await waitForHydration(page);
      await expect(page.getByRole('region', { name: /^Step by step:/ })).toBeVisible();
    },
  },
  { name: 'status', path: '/status/', settled: async () => {} },
  {
    name: 'search results',
    path: `/search/?q=${encodeURIComponent("phone won't register")}`,
    settled: async (page) => {
      await waitForHydration(page);
      await expect(page.locator('.search-results > li').first()).toBeVisible();
    },
  },
  {
    name: 'search without a query',
    path: '/search/',
    settled: async (page) => waitForHydration(page),
  },
  {
    name: 'ticket form',
    path: '/support/new/',
    settled: async (page) => {
      await waitForHydration(page);
      await expect(page.getByRole('heading', { level: 2, name: /^Step 1 of 5/ })).toBeVisible();
    },
  },
  {
    name: 'ticket form opened from a playbook',
    path: '/support/new/?category=registration&article=registration%2Fphone-wont-register&tried=Rebooted+the+phone',
    settled: async (page) => {
      await waitForHydration(page);
      await expect(page.getByText('We will include the steps you already tried')).toBeVisible();
    },
  },
];

for (const [screenName, viewport] of Object.entries(SCREENS)) {
  test.describe(`nothing moves while the page loads (${screenName})`, () => {
    test.use({ viewport });

    for (const { name, path, settled } of PAGES) {
      test(`${name}: layout shift under ${CLS_TARGET}`, async ({ page }) => {
        await recordLayoutShifts(page);
        await page.goto(path, { waitUntil: 'load' });
        await settled(page);
        await page.waitForLoadState('networkidle');
        await expectStill(page);
      });
    }

    test(`ticket form with a draft kept at step 2: layout shift under ${CLS_TARGET}`, async ({ page }) => {
      await page.goto('/support/new/');
      await waitForHydration(page);
      await page.getByRole('radio', { name: "Calls aren't reaching us" }).check();
      await page.getByRole('textbox', { name: 'Summary' }).fill('Main number does not ring');
      await page.getByRole('button', { name: 'Continue' }).click();
      await expect(page.getByRole('heading', { level: 2, name: /^Step 2 of 5/ })).toBeVisible();

      await recordLayoutShifts(page);
      await page.reload({ waitUntil: 'load' });
      await waitForHydration(page);
      await expect(page.getByRole('heading', { level: 2, name: /^Step 2 of 5/ })).toBeVisible();
      await page.waitForLoadState('networkidle');
      await expectStill(page);
    });
  });
}
