// Subscribing on /status/ with JavaScript off, against the built server with no SMTP (the e-mails stay in the
// outbox, read with `npm run subscribers`): the form, the confirmation link, one-click unsubscribe, and axe.
import { execFileSync, spawnSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './helpers.ts';

const OUTBOX = process.env.E2E_OUTBOX_PATH || 'test-results/e2e-outbox.sqlite';
const NODE = 'node_modules/.bin/node';

interface Export {
  subscriber: { state: string; components: string[]; maintenance: boolean };
  messages: Array<{ eventKey: string; body: { subject: string; text: string; headers: Record<string, string> } }>;
}

function exported(email: string): Export | undefined {
  const run = spawnSync(NODE, ['scripts/subscribers.ts', '--export', email, '--outbox', OUTBOX], { encoding: 'utf8' });
  return run.status === 0 ? (JSON.parse(run.stdout) as Export) : undefined;
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('subscribe without JavaScript, confirm by the e-mailed link, unsubscribe in one click', async ({ page }) => {
    const email = `e2e-${Date.now()}@example.com`;
    await page.goto('/status/');
    const form = page.locator('#subscribe form');
    await form.getByLabel('E-mail address').fill(email);
    await form.getByLabel('Fax').check();
    await form.getByLabel('Incidents only').check();
    await form.getByRole('button', { name: 'Subscribe' }).click();
    await expect(page).toHaveURL(/\/status\/subscription\/pending\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your e-mail');

    const pending = exported(email)!;
    expect(pending.subscriber).toMatchObject({ state: 'pending', components: ['fax'], maintenance: false });
    const confirmation = pending.messages.find((m) => m.eventKey.startsWith('confirm:'))!;
    expect(confirmation.body.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    const confirmUrl = /http\S+\/api\/subscriptions\/confirm\?token=\S+/.exec(confirmation.body.text)![0];
    await page.goto(confirmUrl);
    await expect(page).toHaveURL(/\/status\/subscription\/confirmed\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You are subscribed');
    expect(exported(email)!.subscriber.state).toBe('confirmed');

    // The e-mail's unsubscribe link opened in a browser: a button, not an unsubscribe on GET.
    const unsubscribeUrl = confirmation.body.headers['List-Unsubscribe']!.slice(1, -1);
    await page.goto(unsubscribeUrl);
    expect(exported(email)).toBeDefined();
    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You are unsubscribed');
    expect(exported(email)).toBeUndefined();
  });
});

test('axe finds no violations on the pages of the subscription flow', async ({ page, request }) => {
  const email = `e2e-axe-${Date.now()}@example.com`;
  expect((await request.post('/api/subscriptions', { data: { email } })).status()).toBe(202);
  const mail = exported(email)!.messages[0]!.body;
  const unsubscribeUrl = mail.headers['List-Unsubscribe']!.slice(1, -1);
  for (const url of [
    '/status/subscription/pending/',
    '/status/subscription/confirmed/',
    '/status/subscription/invalid/',
    unsubscribeUrl,
    unsubscribeUrl.replace('/unsubscribe?', '/manage?'),
  ]) {
    await page.goto(url);
    await expectNoAxeViolations(page);
  }
});

test('a mail client unsubscribes with one POST (RFC 8058)', async ({ page, request }) => {
  const email = `e2e-oneclick-${Date.now()}@example.com`;
  const answer = await request.post('/api/subscriptions', { data: { email } });
  expect([answer.status(), await answer.json()]).toEqual([202, { status: 'pending' }]);
  const url = exported(email)!.messages[0]!.body.headers['List-Unsubscribe']!.slice(1, -1);
  const click = await request.post(url, {
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    data: 'List-Unsubscribe=One-Click',
  });
  expect(click.status()).toBe(200);
  expect(exported(email)).toBeUndefined();
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You are not subscribed');
  // `npm run subscribers` never prints an address.
  expect(
    execFileSync(NODE, ['scripts/subscribers.ts', '--messages', '--outbox', OUTBOX], { encoding: 'utf8' }),
  ).not.toContain('@example.com');
});
