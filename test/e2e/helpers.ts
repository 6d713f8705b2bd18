import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

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

/** Waits until the island has hydrated (Astro removes the ssr attribute when it has). */
export async function waitForHydration(page: Page, selector = 'astro-island') {
  await page.waitForFunction(
    (sel) => [...document.querySelectorAll(sel)].every((el) => !el.hasAttribute('ssr')),
    selector,
  );
}
