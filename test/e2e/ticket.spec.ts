// The guided ticket form, end to end against the built server: keyboard only, priority as the policy says,
// the ticket in the outbox, prefill from a playbook, drafts, errors, a helpdesk that is down, and axe.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { incidentNoticesByCategory } from '../../src/lib/ticket/incident-notices.ts';
import { ticketInput } from '../fixtures/ticket/tickets.ts';
import { builtContent, expectNoAxeViolations, waitForHydration } from './helpers.ts';
import { freePort } from '../integration/support/free-port.ts';

const OUTBOX = process.env.E2E_OUTBOX_PATH || 'test-results/e2e-outbox.sqlite';
const NODE = 'node_modules/.bin/node';
const FORM = '/support/new/';

// The content the site under test was built from: its contacts and its open incidents show on the form.
const { policy, incidents: incidentsFile } = builtContent();

interface OutboxRow {
  reference: string;
  submittedAt: string;
  priority: string;
  needsPriorityReview: boolean;
  subject: string;
  firstResponseDue: string;
  resolutionDue: string | null;
  state: string;
  attempts: number;
  lastError: string | null;
}

/** What `npm run tickets -- --json` lists for an outbox. */
function outboxTickets(outbox = OUTBOX): OutboxRow[] {
  const out = execFileSync(NODE, ['scripts/tickets.ts', '--json', '--outbox', outbox], { encoding: 'utf8' });
  return JSON.parse(out) as OutboxRow[];
}

/** Presses Tab (or Shift+Tab) until `target` has focus: how a keyboard user gets somewhere. */
async function tabTo(page: Page, target: Locator, { back = false, max = 60 } = {}) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  await expect(target).toBeFocused();
}

async function openForm(page: Page, url = FORM) {
  await page.goto(url);
  await waitForHydration(page);
  await expect(page.getByRole('heading', { level: 2, name: /^Step 1 of 5/ })).toBeVisible();
}

const stepHeading = (page: Page, n: number, title: string) =>
  page.getByRole('heading', { level: 2, name: new RegExp(`^Step ${n} of 5\\W+${title}$`) });

test.describe('the ticket form by keyboard', () => {
  // A customer in Berlin, filing on a Saturday night in New York: after hours for the support team.
  test.use({ timezoneId: 'Europe/Berlin' });

  test('a customer completes every step with the keyboard and gets a reference; the priority follows the policy', async ({
    page,
  }) => {
    await page.clock.setFixedTime(new Date('2026-11-29T03:30:00Z'));
    await openForm(page);
    const answers = {
      category: 'outbound-calls',
      serviceState: 'down',
      affectedUsers: 30,
      totalUsers: 100,
      previouslyWorking: true,
      workaround: false,
    } as const;
    // The policy's rule, stated: 30% of users with outgoing calls down is over the 20% critical share.
    const expected = {
      priority: 'critical',
      reasons: ['30 of 100 users (30%) cannot make outgoing calls: at least 20% with service down is critical.'],
    };

    // Step 1: the second category by arrow key, then the summary; Enter continues.
    await tabTo(page, page.getByRole('radio', { name: /Nothing works/ }));
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('radio', { name: "We can't make outgoing calls" })).toBeChecked();
    // The status page's unresolved incidents on outbound calls (content/incidents.json) show before the summary.
    const notice = page.getByRole('note').filter({ hasText: 'We are already working on a problem' });
    const incidents = incidentNoticesByCategory(incidentsFile, new Date())['outbound-calls'] ?? [];
    if (incidents.length > 0) await expect(notice.getByRole('link', { name: incidents[0]!.title })).toBeVisible();
    else await expect(notice).toHaveCount(0);
    await tabTo(page, page.getByRole('textbox', { name: 'Summary' }));
    await page.keyboard.type('Calls to Canada fail with a fast busy');
    await expectNoAxeViolations(page);
    await page.keyboard.press('Enter');

    // Step 2: Space picks the focused radio, arrows move within a group.
    await expect(stepHeading(page, 2, 'Who is affected')).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await expect(page.getByRole('radio', { name: 'Not working at all' })).toBeChecked();
    await page.keyboard.press('Tab');
    await page.keyboard.type(String(answers.affectedUsers));
    await page.keyboard.press('Tab');
    await page.keyboard.type(String(answers.totalUsers));
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await expect(
      page.getByRole('group', { name: 'Is there a workaround' }).getByRole('radio', { name: 'No' }),
    ).toBeChecked();
    await expectNoAxeViolations(page);
    await page.keyboard.press('Enter');

    // Step 3: a description, an affected number, an example call added with the keyboard.
    await expect(stepHeading(page, 3, 'Details for the engineer')).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.type('Since 02:00 every call to a Canadian number fails with a fast busy tone.');
    await page.keyboard.press('Tab');
    await page.keyboard.type('+1 212 555 0100');
    await tabTo(page, page.getByRole('button', { name: 'Add an example call' }));
    await page.keyboard.press('Enter');
    const when = page.getByLabel('When (your time)');
    await expect(when).toBeFocused();
    // The date-time input's own segments: month, day, year (up to 6 digits, so move on), hour, minute, AM/PM.
    await page.keyboard.type('11282026');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type('0912P');
    await expect(when).toHaveValue('2026-11-28T21:12');
    await tabTo(page, page.getByRole('textbox', { name: 'From', exact: true }));
    await page.keyboard.type('+1 212 555 0100');
    await page.keyboard.press('Tab');
    await page.keyboard.type('+1 416 555 0199');
    await expectNoAxeViolations(page);
    await tabTo(page, page.getByRole('button', { name: 'Continue' }));
    await page.keyboard.press('Enter');

    // Step 4: contact; Enter in the last field continues.
    await expect(stepHeading(page, 4, 'How to reach you')).toBeFocused();
    for (const value of ['Dana Reyes', 'dana@example.com', '+1 917 555 0177', 'Example Dental']) {
      await page.keyboard.press('Tab');
      await page.keyboard.type(value);
    }
    await expectNoAxeViolations(page);
    await page.keyboard.press('Enter');

    // Step 5: the priority the policy gives, with its reasons, due times in both zones, emergency steps.
    await expect(stepHeading(page, 5, 'Review and send')).toBeFocused();
    const priority = page.getByRole('region', { name: /^Priority:/ });
    await expect(priority.getByRole('heading', { level: 3 })).toHaveText(`Priority: ${capitalize(expected.priority)}`);
    for (const reason of expected.reasons) await expect(priority).toContainText(reason);
    await expect(priority).toContainText('your time');
    await expect(priority).toContainText('for our support team');
    await expect(priority.getByRole('note')).toContainText(policy.contacts.emergencyPhone);
    // The honeypot is there for bots only: not shown, not in the accessibility tree, not in the Tab order.
    await expect(page.locator('#ticket-website')).toBeAttached();
    await expect(page.getByRole('textbox', { name: 'Leave this empty' })).toHaveCount(0);
    await expectNoAxeViolations(page);
    await tabTo(page, page.getByRole('button', { name: 'Send ticket' }));
    await page.keyboard.press('Enter');

    // Received: the server's reference, priority and first response due.
    const success = page.getByRole('heading', { level: 2, name: 'Ticket received' });
    await expect(success).toBeFocused();
    const reference = (await page.locator('.reference').textContent())!;
    expect(reference).toMatch(/^DT-\d{8}-[0-9A-HJKMNP-TV-Z]{5}$/);
    await expect(page.getByText(capitalize(expected.priority), { exact: true })).toBeVisible();
    await expectNoAxeViolations(page);
    expect(await page.evaluate(() => localStorage.getItem('dialtone:ticket-draft'))).toBeNull();

    // In the outbox (the local helpdesk): that priority; critical runs on the 24x7 clock, so a first response
    // 15 minutes and a resolution 4 hours after the server received it, whatever the hour.
    const stored = outboxTickets().find((t) => t.reference === reference);
    expect(stored).toMatchObject({ priority: 'critical', subject: 'Calls to Canada fail with a fast busy' });
    const minutesAfter = (due: string | null) => (Date.parse(due!) - Date.parse(stored!.submittedAt)) / 60_000;
    expect(minutesAfter(stored!.firstResponseDue)).toBe(15);
    expect(minutesAfter(stored!.resolutionDue)).toBe(240);
  });
});

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

const continueButton = (page: Page) => page.getByRole('button', { name: 'Continue' });

/** Fills steps 1 to 4 the quick way (these tests are about what happens around the form, not the typing). */
async function fillProblem(page: Page, category: string, subject: string) {
  await page.getByRole('radio', { name: category }).check();
  await page.getByRole('textbox', { name: 'Summary' }).fill(subject);
  await continueButton(page).click();
  await expect(stepHeading(page, 2, 'Who is affected')).toBeFocused();
}

async function fillImpact(page: Page, { affected = '2', total = '40' } = {}) {
  await page.getByRole('radio', { name: 'Working, but badly' }).check();
  await page.getByRole('textbox', { name: 'How many users are affected?' }).fill(affected);
  await page.getByRole('textbox', { name: 'How many users are on your account in total?' }).fill(total);
  await page.getByRole('group', { name: 'Did this work before?' }).getByRole('radio', { name: 'Yes' }).check();
  await page
    .getByRole('group', { name: /workaround/ })
    .getByRole('radio', { name: 'No' })
    .check();
  await continueButton(page).click();
  await expect(stepHeading(page, 3, 'Details for the engineer')).toBeFocused();
}

async function fillDetails(page: Page, affectedNumber = '+1 212 555 0100') {
  await page
    .getByRole('textbox', { name: 'What happens?' })
    .fill('Callers hear choppy audio on about half of the calls.');
  await page.getByRole('textbox', { name: /Affected numbers/ }).fill(affectedNumber);
  await continueButton(page).click();
  await expect(stepHeading(page, 4, 'How to reach you')).toBeFocused();
}

async function fillContact(page: Page, callback = '+1 917 555 0177') {
  await page.getByRole('textbox', { name: 'Your name' }).fill('Sam Lee');
  await page.getByRole('textbox', { name: 'E-mail' }).fill('sam@example.com');
  await page.getByRole('textbox', { name: 'A number we can call you back on' }).fill(callback);
  await page.getByRole('textbox', { name: 'Company or account name' }).fill('Example Dental');
  await continueButton(page).click();
}

async function fillAll(page: Page, subject: string) {
  await fillProblem(page, 'Bad audio: choppy, one-way, echo or dropped calls', subject);
  await fillImpact(page);
  await fillDetails(page);
  await fillContact(page);
  await expect(stepHeading(page, 5, 'Review and send')).toBeFocused();
}

test.describe('prefill, drafts and errors', () => {
  test('a playbook link prefills the category, the article and the steps already tried', async ({ page }) => {
    await page.goto('/kb/registration/phone-wont-register/');
    const href = await page.getByRole('link', { name: 'Open a ticket with these details' }).getAttribute('href');
    const tried = new URL(href!, 'http://site').searchParams.getAll('tried');
    expect(tried.length).toBeGreaterThanOrEqual(2);

    await openForm(page, href!);
    await expect(page.getByRole('radio', { name: "My phone won't register" })).toBeChecked();
    await expect(page.getByRole('link', { name: 'registration/phone-wont-register' })).toHaveAttribute(
      'href',
      '/kb/registration/phone-wont-register/',
    );
    const carried = page.getByRole('list', { name: /We will include the steps you already tried/ });
    await expect(carried.getByRole('listitem')).toHaveText(tried);
    await page.getByRole('textbox', { name: 'Summary' }).fill('Reception phone says No Service');
    await continueButton(page).click();
    await fillImpact(page, { affected: '1' });
    await expect(page.getByRole('textbox', { name: /Steps you already tried/ })).toHaveValue(tried.join('\n'));
    // A phone that will not register: the engineer needs its make and model.
    await expect(page.getByRole('group', { name: 'The phone that will not register' })).toBeVisible();
  });

  test('while the customer types the summary, up to three matching articles are suggested', async ({ page }) => {
    await openForm(page);
    await page.getByRole('textbox', { name: 'Summary' }).fill('my phone says no service');
    const suggestions = page.getByRole('list', { name: 'These articles may solve it now:' });
    await expect(suggestions.getByRole('link', { name: "My phone won't register" })).toHaveAttribute(
      'href',
      '/kb/registration/phone-wont-register/',
    );
    expect(await suggestions.getByRole('listitem').count()).toBeLessThanOrEqual(3);
  });

  test('the draft survives a reload, at the step the customer was on', async ({ page }) => {
    await openForm(page);
    await fillProblem(page, "Calls aren't reaching us", 'Main number does not ring');
    await page.getByRole('textbox', { name: 'How many users are affected?' }).fill('3');
    await page.reload();
    await waitForHydration(page);
    await expect(stepHeading(page, 2, 'Who is affected')).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'How many users are affected?' })).toHaveValue('3');
    await expect(page.getByText('We kept the ticket you started earlier')).toBeVisible();
    await page.getByRole('button', { name: 'Back' }).click();
    await expect(page.getByRole('textbox', { name: 'Summary' })).toHaveValue('Main number does not ring');
    await expect(page.getByRole('radio', { name: "Calls aren't reaching us" })).toBeChecked();

    await page.getByRole('button', { name: 'Start over' }).click();
    await expect(page.getByRole('textbox', { name: 'Summary' })).toHaveValue('');
    await expect(page.getByText('This form needs JavaScript')).toBeHidden();
  });

  test('errors are shown next to each field, summarised with links, and announced', async ({ page }) => {
    await openForm(page);
    await continueButton(page).click();
    const summary = page.locator('.error-summary');
    await expect(summary).toBeFocused();
    await expect(summary).toHaveAccessibleName('There are 2 problems to fix');
    await expect(page.getByRole('group', { name: 'What is wrong?' })).toHaveAccessibleDescription(
      'Error: Choose what is wrong',
    );
    const subject = page.getByRole('textbox', { name: 'Summary' });
    await expect(subject).toHaveAttribute('aria-invalid', 'true');
    await expect(subject).toHaveAccessibleDescription(/Error: Must be at least 3 characters/);
    await expectNoAxeViolations(page);
    await summary.getByRole('link', { name: /^Summary: must be at least 3 characters/ }).press('Enter');
    await expect(subject).toBeFocused();

    // A rule across steps: the callback number must not be one of the broken lines.
    await fillProblem(page, 'Bad audio: choppy, one-way, echo or dropped calls', 'Choppy audio');
    await fillImpact(page);
    await fillDetails(page, '+1 212 555 0100');
    await fillContact(page, '(212) 555-0100');
    await expect(summary).toBeFocused();
    await expect(page.getByRole('textbox', { name: 'A number we can call you back on' })).toHaveAccessibleDescription(
      /Must be a number that works: \+1 212 555 0100 is one of the affected numbers/,
    );
    await expect(page.getByRole('heading', { level: 2, name: /^Step 4 of 5/ })).toBeVisible();
  });

  test('sending again after the answer was lost gives the same reference and one ticket', async ({ page }) => {
    const subject = `Lost answer ${Date.now()}`;
    await openForm(page);
    await fillAll(page, subject);
    // Degraded audio is high; the customer says it is more urgent, with a reason.
    await expect(page.getByRole('heading', { name: 'Priority: High' })).toBeVisible();
    await page.getByRole('checkbox', { name: 'It is more urgent than this' }).check();
    await page.getByRole('radio', { name: 'Critical' }).check();
    await page
      .getByRole('textbox', { name: 'Why is it more urgent?' })
      .fill('Our sales line: every call is a customer.');
    // The server stores the ticket, but the answer never reaches the browser.
    await page.route('**/api/tickets', async (route) => {
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.getByRole('button', { name: 'Send ticket' }).click();
    await expect(page.getByRole('alert')).toContainText('We could not reach our server');
    await page.unroute('**/api/tickets');
    await page.getByRole('button', { name: 'Send ticket' }).click();
    await expect(page.getByRole('heading', { name: 'Ticket received' })).toBeFocused();
    const reference = await page.locator('.reference').textContent();
    const stored = outboxTickets().filter((t) => t.subject === subject);
    expect(stored.map((t) => t.reference)).toEqual([reference]);
    // The policy's priority stands; the request is kept and flagged for a person to review.
    expect(stored[0]).toMatchObject({ priority: 'high', needsPriorityReview: true });
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('every step fits the screen: one column, no sideways scrolling', async ({ page }) => {
    const fitsWidth = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    await openForm(page);
    expect(await fitsWidth()).toBe(true);
    await fillProblem(page, 'Bad audio: choppy, one-way, echo or dropped calls', 'Choppy audio on calls');
    expect(await fitsWidth()).toBe(true);
    await fillImpact(page);
    await page.getByRole('button', { name: 'Add an example call' }).click();
    expect(await fitsWidth()).toBe(true);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the page says plainly that the form needs JavaScript and how to reach support', async ({ page }) => {
    await page.goto(FORM);
    await expect(page.getByText('This form needs JavaScript')).toBeVisible();
    const main = page.getByRole('main');
    await expect(main.getByRole('link', { name: policy.contacts.supportEmail }).first()).toHaveAttribute(
      'href',
      `mailto:${policy.contacts.supportEmail}`,
    );
    await expect(main.getByRole('link', { name: policy.contacts.emergencyPhone })).toBeVisible();
    await expect(main).toContainText(policy.contacts.hours);
  });
});

/** Another instance of the built server, with its own environment. */
function startServer(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const child = spawn(NODE, ['dist/server/entry.mjs'], {
    env: { ...process.env, HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return { child, output: () => output };
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** An unanswered request may still have created the issue: the server waits 30 s before looking; 0.5 s here. */
const QUICK_RETRIES = { DELIVERY_LOOKUP_DELAY_MS: '500', DELIVERY_MIN_RETRY_MS: '100' };

test.describe('the server', () => {
  test('with the helpdesk down the customer still gets a reference; after a restart the ticket is delivered', async ({
    page,
  }) => {
    test.setTimeout(60_000);
    const [port, closedPort] = [await freePort(), await freePort()];
    const outbox = `test-results/e2e-helpdesk-down-${port}.sqlite`;
    let reference: string | null = null;
    const row = () => outboxTickets(outbox).find((t) => t.reference === reference);

    const down = startServer({
      PORT: String(port),
      OUTBOX_PATH: outbox,
      HELPDESK: 'github',
      HELPDESK_REPO: 'example/support-tickets',
      GITHUB_TOKEN: 'ghp_e2eFakeTokenThatIsNeverSent',
      GITHUB_API_URL: `http://127.0.0.1:${closedPort}`,
      ...QUICK_RETRIES,
    });
    try {
      await expect.poll(down.output, { timeout: 15_000 }).toContain('Server listening');
      await openForm(page, `http://127.0.0.1:${port}${FORM}`);
      await fillAll(page, 'Choppy audio while the helpdesk is down');
      await page.getByRole('button', { name: 'Send ticket' }).click();
      await expect(page.getByRole('heading', { name: 'Ticket received' })).toBeFocused();
      reference = await page.locator('.reference').textContent();
      expect(reference).toMatch(/^DT-/);
      await expect.poll(() => row()?.lastError, { timeout: 15_000 }).toMatch(/GitHub/);
      expect(row()?.state).not.toBe('delivered');
    } finally {
      await stopServer(down.child);
    }

    // Started again (with the local inbox as its helpdesk), the server delivers what waited: nobody posts again.
    const back = startServer({ PORT: String(port), OUTBOX_PATH: outbox, HELPDESK: 'local', ...QUICK_RETRIES });
    try {
      await expect.poll(() => row()?.state, { timeout: 30_000 }).toBe('delivered');
    } finally {
      await stopServer(back.child);
    }
  });

  test('a GitHub helpdesk without its repository or token stops the server at start, saying what to set', () => {
    const result = spawnSync(NODE, ['dist/server/entry.mjs'], {
      env: { ...process.env, HOST: '127.0.0.1', PORT: '0', HELPDESK: 'github', HELPDESK_REPO: '', GITHUB_TOKEN: '' },
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('HELPDESK=github needs HELPDESK_REPO=owner/name');
    expect(result.stderr).toContain('HELPDESK=github needs GITHUB_TOKEN');
  });

  // Build and run with GITHUB_TOKEN set to a fake value to check that its value is absent too.
  test('the browser bundle carries no helpdesk code and no token', () => {
    const needles = ['octokit', 'GITHUB_TOKEN', 'HELPDESK_REPO', 'node:sqlite'];
    if (process.env.GITHUB_TOKEN) needles.push(process.env.GITHUB_TOKEN);
    const files = readdirSync('dist/client', { recursive: true, encoding: 'utf8' }).filter((f) =>
      /\.(m?js|html|css|json|xml)$/.test(f),
    );
    expect(files.some((f) => f.startsWith('_astro/TicketForm'))).toBe(true);
    const leaks = files.flatMap((file) => {
      const text = readFileSync(path.join('dist/client', file), 'utf8');
      return needles.filter((needle) => text.includes(needle)).map((needle) => `${file}: ${needle}`);
    });
    expect(leaks).toEqual([]);
  });
});

test.describe('the endpoint contract on the built server', () => {
  test('POST /api/tickets (no slash) stores once per idempotency key and answers 202; bad input gets 400', async ({
    request,
    baseURL,
  }) => {
    const ticket = ticketInput({ idempotencyKey: crypto.randomUUID(), subject: 'Contract check without a slash' });
    const headers = { origin: baseURL! };
    const first = await request.post('/api/tickets', { data: ticket, headers, maxRedirects: 0 });
    expect(first.status()).toBe(202);
    const body = (await first.json()) as { reference: string; priority: string; firstResponseDue: string };
    expect(body.reference).toMatch(/^DT-\d{8}-[0-9A-Z]{5}$/);
    expect(body.priority).toBe('high');
    expect(Number.isNaN(Date.parse(body.firstResponseDue))).toBe(false);

    const again = await request.post('/api/tickets/', { data: ticket, headers, maxRedirects: 0 });
    expect(again.status()).toBe(202);
    expect(((await again.json()) as { reference: string }).reference).toBe(body.reference);
    expect(outboxTickets().filter((t) => t.reference === body.reference)).toHaveLength(1);

    const bad = await request.post('/api/tickets', { data: { ...ticket, totalUsers: 0 }, headers, maxRedirects: 0 });
    expect(bad.status()).toBe(400);
    const errors = ((await bad.json()) as { errors: { path: string }[] }).errors;
    expect(errors.map((e) => e.path)).toContain('totalUsers');
  });
});
