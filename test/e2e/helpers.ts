import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
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

/** Waits until the island has hydrated (Astro removes the ssr attribute when it has). */
export async function waitForHydration(page: Page, selector = 'astro-island') {
  await page.waitForFunction(
    (sel) => [...document.querySelectorAll(sel)].every((el) => !el.hasAttribute('ssr')),
    selector,
  );
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
