import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { checkContentFolder } from '../../src/content-io.ts';
import { completeContent, type CompleteContent } from '../../src/lib/content/index.ts';

/** Runs axe (WCAG 2.x A and AA rules) on the page and fails with the list of violations. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary).toEqual([]);
}

/** Islands that hydrate on load, idle or when visible; `client:interaction` ones wait for the customer. */
export const ISLANDS_ON_LOAD = 'astro-island:not([client="interaction"])';

/**
 * Waits until the islands have hydrated: Astro has started them (it removes the ssr attribute) and React owns
 * their server-rendered markup (it marks the nodes it hydrated). The markup is there from the first paint, so
 * acting on it before React has taken over would type into inputs React does not know yet.
 */
export async function waitForHydration(page: Page, selector = ISLANDS_ON_LOAD) {
  await page.waitForFunction(
    (sel) =>
      [...document.querySelectorAll(sel)].every((island) => {
        if (island.hasAttribute('ssr')) return false;
        const root = island.firstElementChild;
        return !root || Object.keys(root).some((key) => key.startsWith('__reactFiber$'));
      }),
    selector,
  );
}

/**
 * A header or home search box, as the customer gets it: a plain search form until focused, then (once React
 * has hydrated on that focus) the combobox. Returns the combobox.
 */
export async function focusSearchBox(page: Page, within: Locator = page.locator('body')): Promise<Locator> {
  const island = within.locator('astro-island[client="interaction"]').filter({ has: page.getByRole('searchbox') });
  // Named before the focus: once hydrated, the searchbox is a combobox and the filter no longer matches.
  const uid = await island.getAttribute('uid');
  await island.getByRole('searchbox', { name: 'Search help articles' }).focus();
  await waitForHydration(page, `astro-island[uid="${uid}"]`);
  const box = within.getByRole('combobox', { name: 'Search help articles' });
  await expect(box).toBeFocused();
  return box;
}

let built: CompleteContent | undefined;

/** The content the site under test was built from, through the content module the build itself uses. */
export function builtContent(): CompleteContent {
  if (built) return built;
  const result = completeContent(checkContentFolder());
  if (!result.ok) throw new Error(`the content does not pass npm run check:content:\n${result.errors.join('\n')}`);
  built = result.content;
  return built;
}
