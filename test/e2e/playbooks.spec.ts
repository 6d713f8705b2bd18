import { expect, test, type Locator, type Page } from '@playwright/test';
import { builtContent, expectNoAxeViolations, waitForHydration } from './helpers.ts';

/** The first three result links for a query typed on the search page. */
async function topThree(page: Page, query: string, topic?: string): Promise<string[]> {
  const filter = topic ? `&category=${encodeURIComponent(topic)}` : '';
  await page.goto(`/search/?q=${encodeURIComponent(query)}${filter}`);
  await waitForHydration(page);
  const results = page.locator('.search-results > li h2 a');
  await expect(results.first()).toBeVisible();
  return results.evaluateAll((as) => as.slice(0, 3).map((a) => a.getAttribute('href') ?? ''));
}

test.describe('a customer finds the playbook in their own words', () => {
  for (const [query, playbook] of [
    ['my phone says no service', '/kb/registration/phone-wont-register/'],
    ["can't call out", '/kb/outbound-calls/cant-make-outbound-calls/'],
    ["callers can't hear me", '/kb/call-quality/one-way-or-no-audio/'],
    ["phone doesn't ring", '/kb/inbound-calls/incoming-calls-dont-ring/'],
    ['shows my number instead of my name', '/kb/caller-id/caller-id-name-shows-number/'],
  ] as const) {
    test(`"${query}" finds ${playbook} in the top three`, async ({ page }) => {
      expect(await topThree(page, query)).toContain(playbook);
    });
  }
});

test.describe('error codes in search', () => {
  for (const [query, codePage, playbook] of [
    ['403', '/codes/sip/403/', '/kb/registration/phone-wont-register/'],
    ['SIP 403', '/codes/sip/403/', '/kb/registration/phone-wont-register/'],
    ['403 Forbidden', '/codes/sip/403/', '/kb/registration/phone-wont-register/'],
    ['NO_ROUTE_DESTINATION', '/codes/q850/3/', '/kb/outbound-calls/cant-make-outbound-calls/'],
  ] as const) {
    test(`"${query}" finds the code page and its playbook in the top three`, async ({ page }) => {
      const top = await topThree(page, query);
      expect(top).toContain(codePage);
      expect(top).toContain(playbook);
    });
  }

  test('the Error codes topic keeps only code pages', async ({ page }) => {
    await topThree(page, '403', 'Error codes');
    await expect(page.getByRole('group', { name: 'Topic' }).getByLabel('Error codes')).toBeChecked();
    const hrefs = await page
      .locator('.search-results > li h2 a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs[0]).toBe('/codes/sip/403/');
    expect(hrefs.every((h) => h?.startsWith('/codes/'))).toBe(true);
  });
});

test.describe('code pages', () => {
  test('a SIP code page explains the code and links to its playbooks; the playbook links back', async ({ page }) => {
    await page.goto('/codes/sip/403/');
    await expect(page.getByRole('heading', { level: 1, name: 'SIP 403 Forbidden' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Likely causes' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'What to do' })).toBeVisible();
    await expect(page.getByRole('main').getByRole('link', { name: 'Open a ticket' })).toHaveAttribute(
      'href',
      '/support/new/?category=registration&subject=SIP+403+Forbidden+error',
    );
    await page.getByRole('link', { name: "My phone won't register" }).click();
    await expect(page).toHaveURL(/\/kb\/registration\/phone-wont-register\/$/);
    await page.getByRole('link', { name: 'SIP 403 Forbidden' }).click();
    await expect(page).toHaveURL(/\/codes\/sip\/403\/$/);
  });

  test('a Q.850 cause page links to its playbook and to the SIP code for the same failure', async ({ page }) => {
    await page.goto('/codes/q850/3/');
    await expect(page.getByRole('heading', { level: 1, name: 'Q.850 3 NO_ROUTE_DESTINATION' })).toBeVisible();
    await expect(page.getByRole('link', { name: "I can't make any outbound calls" })).toHaveAttribute(
      'href',
      '/kb/outbound-calls/cant-make-outbound-calls/',
    );
    await page.getByRole('link', { name: 'SIP 404 Not Found' }).click();
    await expect(page).toHaveURL(/\/codes\/sip\/404\/$/);
    await expect(page.getByRole('link', { name: 'Q.850 3 NO_ROUTE_DESTINATION' })).toHaveAttribute(
      'href',
      '/codes/q850/3/',
    );
  });

  test('the index lists both families and is linked from the home page and the footer', async ({ page }) => {
    await page.goto('/');
    await page
      .getByRole('main')
      .getByRole('link', { name: /error codes/i })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Error codes' })).toBeVisible();
    const sip = page.getByRole('table', { name: 'SIP response codes' });
    const q850 = page.getByRole('table', { name: 'Q.850 hangup causes' });
    await expect(sip.getByRole('row', { name: /488/ }).getByRole('link', { name: '488', exact: true })).toHaveAttribute(
      'href',
      '/codes/sip/488/',
    );
    await expect(
      q850
        .getByRole('row', { name: /NO_ROUTE_DESTINATION/ })
        .getByRole('link')
        .first(),
    ).toHaveAttribute('href', '/codes/q850/3/');
    expect(await sip.getByRole('row').count()).toBeGreaterThanOrEqual(19);
    await expect(page.getByRole('contentinfo').getByRole('link', { name: 'Error codes' })).toHaveAttribute(
      'href',
      '/codes/',
    );
  });
});

const tree = builtContent().troubleshooters.get('registration/phone-wont-register')!;
const node = (id: string) => tree.nodes[id]!;

/** Answers the question that has focus by keyboard only: Tab to Yes (and on to No), then Enter. */
async function answerByKeyboard(page: Page, answer: 'Yes' | 'No') {
  await page.keyboard.press('Tab');
  if (answer === 'No') await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveText(answer);
  await page.keyboard.press('Enter');
}

async function openTroubleshooter(page: Page): Promise<Locator> {
  await page.goto('/kb/registration/phone-wont-register/');
  await waitForHydration(page);
  const troubleshooter = page.getByRole('region', { name: 'Step by step: Get your phone registered' });
  await expect(troubleshooter.getByRole('heading', { level: 3 })).toHaveText(node('credentials').question);
  return troubleshooter;
}

test.describe('guided troubleshooter', () => {
  test('reaches "open a ticket" by keyboard, and the link carries category, article and the steps tried', async ({
    page,
  }) => {
    const troubleshooter = await openTroubleshooter(page);
    const question = troubleshooter.getByRole('heading', { level: 3 });
    const progress = troubleshooter.getByRole('status');
    await expect(progress).toHaveText(/^Question 1 of at most \d+\.$/);

    // Start on the first question, then keyboard only.
    await question.focus();
    await answerByKeyboard(page, 'No');
    await expect(question).toBeFocused();
    await expect(question).toHaveText(node('fix-credentials').question);
    await expect(progress).toHaveText(/^Question 2 of at most \d+\.$/);
    await answerByKeyboard(page, 'No');
    await expect(question).toHaveText(node('network').question);
    await answerByKeyboard(page, 'Yes');
    await answerByKeyboard(page, 'Yes');
    await expect(question).toHaveText(node('softphone').question);
    await answerByKeyboard(page, 'No');

    const ending = troubleshooter.getByRole('heading', { level: 3, name: 'Open a ticket' });
    await expect(ending).toBeFocused();
    await expect(progress).toHaveText('Finished after 5 questions.');
    const tried = [
      node('credentials').noStep,
      node('fix-credentials').noStep,
      node('network').yesStep,
      node('firmware').yesStep,
      node('softphone').noStep,
    ].filter((step): step is string => step !== undefined);
    await expect(troubleshooter.getByRole('list', { name: 'What you checked:' }).getByRole('listitem')).toHaveText(
      tried,
    );

    const link = troubleshooter.getByRole('link', { name: 'Open a ticket with your answers' });
    const url = new URL((await link.getAttribute('href'))!, 'http://x');
    expect(url.pathname).toBe('/support/new/');
    expect(url.searchParams.get('category')).toBe('registration');
    expect(url.searchParams.get('article')).toBe('registration/phone-wont-register');
    expect(url.searchParams.getAll('tried')).toEqual(tried);

    // The form belongs to another section of the site: when it is built, it must show what was carried over.
    const form = await page.request.get('/support/new/');
    if (form.ok()) {
      await link.press('Enter');
      await expect(page).toHaveURL(/\/support\/new\/\?/);
      for (const step of tried) await expect(page.getByText(step, { exact: false }).first()).toBeVisible();
    }
  });

  test('Back and Start over return to earlier questions; a fixed problem ends in "Fixed"', async ({ page }) => {
    const troubleshooter = await openTroubleshooter(page);
    const question = troubleshooter.getByRole('heading', { level: 3 });
    await troubleshooter.getByRole('button', { name: 'Yes' }).click();
    await troubleshooter.getByRole('button', { name: 'Yes' }).click();
    await expect(question).toHaveText(node('firmware').question);
    await troubleshooter.getByRole('button', { name: 'Back' }).click();
    await expect(question).toHaveText(node('network').question);
    await expect(question).toBeFocused();
    await troubleshooter.getByRole('button', { name: 'Start over' }).click();
    await expect(question).toHaveText(node('credentials').question);
    await expect(troubleshooter.getByRole('button', { name: 'Back' })).toHaveCount(0);

    await troubleshooter.getByRole('button', { name: 'No' }).click();
    await troubleshooter.getByRole('button', { name: 'Yes' }).click();
    await expect(troubleshooter.getByRole('heading', { level: 3, name: 'Fixed' })).toBeFocused();
    await expect(troubleshooter.getByRole('link', { name: /open a ticket/i })).toHaveCount(0);
  });

  test('each of the five most common problems has one', async ({ page }) => {
    for (const article of [
      'registration/phone-wont-register',
      'outbound-calls/cant-make-outbound-calls',
      'call-quality/one-way-or-no-audio',
      'inbound-calls/incoming-calls-dont-ring',
      'caller-id/caller-id-name-shows-number',
    ]) {
      await page.goto(`/kb/${article}/`);
      await waitForHydration(page);
      await expect(page.getByRole('region', { name: /^Step by step: / }), article).toBeVisible();
    }
  });
});

test.describe('accessibility', () => {
  for (const [name, path] of [
    ['article with a troubleshooter', '/kb/outbound-calls/cant-make-outbound-calls/'],
    ['SIP code', '/codes/sip/403/'],
    ['Q.850 cause', '/codes/q850/3/'],
    ['codes index', '/codes/'],
  ] as const) {
    test(`axe finds no violations on the ${name} page`, async ({ page }) => {
      await page.goto(path);
      await waitForHydration(page);
      await expectNoAxeViolations(page);
    });
  }

  test('axe finds no violations in the middle of a troubleshooter walk', async ({ page }) => {
    const troubleshooter = await openTroubleshooter(page);
    await troubleshooter.getByRole('button', { name: 'No' }).click();
    await troubleshooter.getByRole('button', { name: 'No' }).click();
    await expect(troubleshooter.getByRole('button', { name: 'Back' })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the article is the troubleshooter fallback, and code pages work', async ({ page }) => {
    await page.goto('/kb/registration/phone-wont-register/');
    await expect(page.getByRole('region', { name: /^Step by step/ })).toHaveCount(0);
    // No troubleshooter answer buttons (the "Was this helpful?" form's Yes is a plain form button, not one of them).
    const troubleshooterButtons = page
      .getByRole('button', { name: 'Yes' })
      .and(page.locator('button:not(#feedback button)'));
    await expect(troubleshooterButtons).toHaveCount(0);
    expect(await page.locator('ol.steps > li.check').count()).toBeGreaterThanOrEqual(2);
    await page.getByRole('link', { name: 'SIP 403 Forbidden' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'SIP 403 Forbidden' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Likely causes' })).toBeVisible();
    await page.getByRole('link', { name: 'Error codes' }).first().click();
    await expect(page.getByRole('table', { name: 'Q.850 hangup causes' })).toBeVisible();
    await page.getByRole('link', { name: '127', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Q.850 127 INTERWORKING' })).toBeVisible();
    await page.getByRole('link', { name: "I can't make any outbound calls" }).click();
    await expect(page.getByRole('heading', { level: 1, name: "I can't make any outbound calls" })).toBeVisible();
  });
});
