// The status pages as customers and tools get them. Expectations come from src/lib/status at the instant
// the pages were built (read from the page), never from hard-coded dates, so they hold as time passes.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { visibleIncidents } from '../../src/lib/status/derive.ts';
import { formatNextUpdate } from '../../src/lib/status/cadence.ts';
import { findStatusEntry, incidentBanners, statusHistory, statusOverview } from '../../src/lib/status/overview.ts';
import { statusPageInfo } from '../../src/lib/status/page.ts';
import type { IncidentsFile } from '../../src/lib/status/schema.ts';
import { overviewFacts, statusSentence } from '../../src/lib/status/sentence.ts';
import { statuspageApi } from '../../src/lib/status/statuspage.ts';
import { builtContent, expectNoAxeViolations } from './helpers.ts';

// The content the site under test was built from (the same content module the build uses).
const file: IncidentsFile = builtContent().incidents;
const timeZone = builtContent().policy.timeZone;

/** The instant the site was built at, as the status page states it ("As of <time datetime>"). */
async function builtAt(request: APIRequestContext): Promise<string> {
  const html = await (await request.get('/status/')).text();
  const at = /As of <time datetime="([^"]+)"/.exec(html)?.[1];
  if (!at) throw new Error('the status page does not say when it is as of');
  return at;
}

test.describe('the status page without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('shows the banner, incidents, maintenance and components the sample file gives at the page instant', async ({
    page,
    request,
  }) => {
    const now = await builtAt(request);
    const overview = statusOverview(file, now, timeZone);
    await page.goto('/status/');
    const overall = page.getByRole('region', { name: 'Overall status' });
    await expect(overall.locator('[data-description]')).toHaveText(overview.description);
    await expect(overall.locator('[data-sentence]')).toHaveText(statusSentence(overviewFacts(overview)));
    for (const component of overview.groups.flatMap((g) => g.components)) {
      await expect(page.locator(`li[data-component="${component.id}"]`)).toHaveText(
        new RegExp(`${component.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+${component.statusLabel}`),
      );
    }
    const incidents = page.getByRole('region', { name: 'Current incidents' });
    if (overview.unresolved.length === 0) await expect(incidents).toHaveCount(0);
    for (const incident of overview.unresolved) {
      const card = incidents.getByRole('article', { name: incident.title });
      await expect(card.getByRole('link', { name: incident.title })).toHaveAttribute('href', incident.path);
      // Timeline newest first, with each update's status word.
      await expect(card.locator('.update-head strong')).toHaveText(incident.updates.map((u) => u.statusLabel));
    }
    const upcoming = page.getByRole('region', { name: 'Upcoming maintenance' });
    await expect(upcoming.getByRole('article')).toHaveCount(overview.upcomingMaintenances.length);
    await expect(page.locator('.local')).toHaveCount(0); // times are plain HTML in the support team's zone
    await expect(page.getByRole('link', { name: 'Incident history' })).toHaveAttribute('href', '/status/history/');
  });

  test("says when each unresolved incident's next update is due, by the policy's cadence", async ({
    page,
    request,
  }) => {
    const now = await builtAt(request);
    const overview = statusOverview(file, now, timeZone, builtContent().policy.incidentUpdates);
    await page.goto('/status/');
    const incidents = page.getByRole('region', { name: 'Current incidents' });
    for (const incident of overview.unresolved) {
      const due = incident.nextUpdateBy!;
      const words = Date.parse(due) < Date.parse(now) ? 'Next update was due by' : 'Next update by';
      const line = incidents.getByRole('article', { name: incident.title }).locator('[data-next-update]');
      await expect(line).toHaveText(`${words} ${formatNextUpdate(due, now, timeZone)}`);
      await expect(line.locator('time')).toHaveAttribute('datetime', due);
    }
  });

  test('an update that changed components says which, and to what, in the timeline', async ({ page, request }) => {
    const now = await builtAt(request);
    const incident = visibleIncidents(file, now).find((i) => i.updates.some((u) => u.components));
    test.skip(!incident, 'no visible incident in the content has an update with components');
    const view = findStatusEntry(file, incident!.id, now)!;
    await page.goto(view.path);
    const expected = view.updates
      .filter((u) => u.components.length > 0)
      .map((u) => u.components.map((c) => `${c.name} ${c.statusLabel}`).join(', '));
    expect(expected.length).toBeGreaterThan(0);
    await expect(page.locator('.timeline .update-components')).toHaveText(expected);
  });

  test('has one tab stop per uptime strip, each with every day described in text', async ({ page }) => {
    await page.goto('/status/');
    const strips = page.locator('.strip');
    await expect(strips).toHaveCount(file.components.length);
    await strips.first().focus();
    await page.keyboard.press('Tab');
    await expect(strips.nth(1)).toBeFocused();
    for (const strip of await strips.all()) {
      await expect(strip).toHaveAttribute('role', 'img');
      await expect(strip).toHaveAttribute('aria-label', /last 90 days: \d+\.\d\d% uptime/);
      const days = page.locator(`#${await strip.getAttribute('aria-describedby')} li`);
      expect(await days.count()).toBeGreaterThan(0);
      await expect(days.last()).toContainText(/\d{4}: /);
    }
  });

  test('links the feeds in the head and shows no site banner of its own', async ({ page }) => {
    await page.goto('/status/');
    await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute(
      'href',
      '/status/feed.rss',
    );
    await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute(
      'href',
      '/status/feed.atom',
    );
    await expect(page.locator('aside.status-banner')).toHaveCount(0);
  });

  test('incident permalinks render the timeline, and the postmortem once published', async ({ page, request }) => {
    const now = await builtAt(request);
    const withPostmortem = visibleIncidents(file, now).find(
      (i) => i.postmortem && Date.parse(i.postmortem.at) <= Date.parse(now),
    );
    expect(withPostmortem).toBeDefined();
    await page.goto(`/status/incidents/${withPostmortem!.id}/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(withPostmortem!.title);
    await expect(page.getByRole('heading', { name: 'Postmortem' })).toBeVisible();
    await expect(page.locator('.timeline > li')).toHaveCount(withPostmortem!.updates.length);
    const maintenance = file.maintenances[0]!;
    await page.goto(`/status/incidents/${maintenance.id}/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(maintenance.title);
    await expect(page.locator(`time[datetime="${maintenance.start}"]`).first()).toBeVisible();
  });

  test('history lists every incident and past maintenance, month by month, over its pages', async ({
    page,
    request,
  }) => {
    const now = await builtAt(request);
    const expected = statusHistory(file, now, timeZone).flatMap((m) => m.entries.map((e) => e.path));
    const seen: string[] = [];
    let url: string | null = '/status/history/';
    while (url) {
      await page.goto(url);
      await expect(page.getByRole('heading', { level: 1, name: 'Incident history' })).toBeVisible();
      seen.push(...(await page.locator('.history-list a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))));
      url = await page
        .getByRole('link', { name: 'Older incidents' })
        .getAttribute('href', { timeout: 1000 })
        .catch(() => null);
    }
    expect(seen).toEqual(expected);
  });
});

test.describe('the status page with JavaScript', () => {
  test.use({ timezoneId: 'Europe/Paris' });

  test("adds the reader's zone and relative times", async ({ page, request }) => {
    const now = Date.parse(await builtAt(request));
    await page.clock.install({ time: now + 2 * 3_600_000 + 5_000 });
    await page.goto('/status/');
    const asOf = new Intl.DateTimeFormat('en-US', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'Europe/Paris',
    });
    await expect(page.locator('.overall .local')).toHaveText(` (${asOf.format(now)} your time, 2 hours ago)`);
  });

  test('shows a changed summary within one refresh cycle, without a reload', async ({ page, request }) => {
    const summary = await (await request.get('/api/v2/summary.json')).json();
    const changed = structuredClone(summary);
    changed.status = { indicator: 'critical', description: 'Major Service Outage' };
    const target = changed.components.find((c: { group: boolean }) => !c.group);
    target.status = 'major_outage';
    changed.incidents = [...summary.incidents, { id: 'new-one' }];
    changed.page.updated_at = new Date(Date.parse(summary.page.updated_at) + 60_000).toISOString();
    await page.clock.install();
    await page.goto('/status/');
    const overall = page.getByRole('region', { name: 'Overall status' });
    await expect(overall.locator('[data-description]')).toHaveText(summary.status.description);
    let fetched = 0;
    await page.route('**/api/v2/summary.json', (route) => {
      fetched++;
      return route.fulfill({ json: changed });
    });
    await page.clock.runFor(60_000);
    await expect(overall.locator('[data-description]')).toHaveText('Major Service Outage');
    await expect(overall).toHaveClass(/ind-critical/);
    await expect(page.locator(`li[data-component="${target.id}"] [data-status]`)).toHaveText('Major outage');
    await expect(overall.locator('[data-sentence]')).toContainText(`${target.name} (major outage)`);
    await expect(page.getByRole('status')).toContainText('The status has changed since this page loaded.');
    await expect(overall.locator('[data-checked]')).toHaveText(/^Last checked at /);
    expect(fetched).toBe(1);
    expect(page.url()).toMatch(/\/status\/$/);
  });

  test('swaps in the new build’s incidents and timelines when the status has changed', async ({ page, request }) => {
    const summary = await (await request.get('/api/v2/summary.json')).json();
    const changed = structuredClone(summary);
    changed.page.updated_at = new Date(Date.parse(summary.page.updated_at) + 60_000).toISOString();
    const html = await (await request.get('/status/')).text();
    const newBuild = html
      .replace(/data-version="[^"]*"/, `data-version="${changed.page.updated_at}"`)
      .replace('</h2>', '</h2><p data-test-new-update>Calls to the moon are failing; we are on it.</p>');
    await page.clock.install();
    await page.goto('/status/');
    await expect(page.getByText('Calls to the moon are failing')).toHaveCount(0);
    await page.route('**/api/v2/summary.json', (route) => route.fulfill({ json: changed }));
    await page.route('**/status/', (route) =>
      route.request().resourceType() === 'document'
        ? route.continue()
        : route.fulfill({ body: newBuild, contentType: 'text/html' }),
    );
    await page.clock.runFor(60_000);
    await expect(page.locator('[data-test-new-update]')).toHaveText('Calls to the moon are failing; we are on it.');
    await expect(page.getByRole('status')).not.toContainText('The status has changed since this page loaded.');
    expect(page.url()).toMatch(/\/status\/$/);
  });

  test('says so when a refresh fails, and keeps what it shows', async ({ page }) => {
    await page.clock.install();
    await page.goto('/status/');
    const description = await page.locator('[data-description]').textContent();
    await page.route('**/api/v2/summary.json', (route) => route.fulfill({ status: 503, body: 'down' }));
    await page.clock.runFor(60_000);
    await expect(page.locator('[data-checked]')).toHaveText(
      /^Could not check for updates at .*; trying again in a minute\.$/,
    );
    await expect(page.locator('[data-description]')).toHaveText(description!);
  });
});

test.describe('feeds, calendar, badge and JSON for tools', () => {
  async function parseXml(page: Page, text: string) {
    return page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      const error = doc.querySelector('parsererror');
      return {
        error: error?.textContent ?? null,
        root: doc.documentElement.localName,
        entries: doc.querySelectorAll('item, entry').length,
        links: [...doc.querySelectorAll('item > link, entry > link[rel="alternate"]')].map(
          (l) => l.textContent || l.getAttribute('href'),
        ),
      };
    }, text);
  }

  test('RSS and Atom parse as XML, with one entry per incident and announced maintenance', async ({
    page,
    request,
  }) => {
    const now = Date.parse(await builtAt(request));
    const published = file.maintenances.filter(
      (m) => Math.min(Date.parse(m.start), ...(m.updates ?? []).map((u) => Date.parse(u.at))) <= now,
    );
    const expected = Math.min(50, visibleIncidents(file, now).length + published.length);
    await page.goto('/status/');
    for (const [path, type, root] of [
      ['/status/feed.rss', 'application/rss+xml', 'rss'],
      ['/status/feed.atom', 'application/atom+xml', 'feed'],
    ] as const) {
      const response = await request.get(path);
      expect(response.headers()['content-type']).toContain(type);
      const feed = await parseXml(page, await response.text());
      expect(feed.error).toBeNull();
      expect(feed.root).toBe(root);
      expect(feed.entries).toBe(expected);
      for (const link of feed.links) expect((await request.get(new URL(link!).pathname)).status()).toBe(200);
    }
  });

  test('the maintenance calendar is iCalendar: CRLF lines, folded at 75 octets, one VEVENT per window', async ({
    request,
  }) => {
    const response = await request.get('/status/maintenance.ics');
    expect(response.headers()['content-type']).toContain('text/calendar');
    const text = await response.text();
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n').slice(0, -1);
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(file.maintenances.length);
    expect(lines.filter((l) => l === 'END:VEVENT')).toHaveLength(file.maintenances.length);
    for (const m of file.maintenances) expect(lines.some((l) => l.startsWith(`UID:${m.id}@`))).toBe(true);
  });

  test('the Statuspage JSON is what src/lib/status (and the status CLI) give at the page instant', async ({
    request,
  }) => {
    const now = await builtAt(request);
    const summary = await (await request.get('/api/v2/summary.json')).json();
    const page = statusPageInfo({
      siteUrl: new URL(summary.page.url).origin,
      providerName: summary.page.name.replace(/ status$/, ''),
      timeZone,
    });
    for (const [path, expected] of Object.entries(statuspageApi(file, page, now))) {
      const response = await request.get(`/api/v2/${path}`);
      expect(response.headers()['content-type'], path).toContain('application/json');
      expect(await response.json(), path).toEqual(JSON.parse(JSON.stringify(expected)));
    }
  });

  test('the badge is an SVG with the overall status in words', async ({ request }) => {
    const now = await builtAt(request);
    const response = await request.get('/status/badge.svg');
    expect(response.headers()['content-type']).toContain('image/svg+xml');
    expect(await response.text()).toContain(
      `<title>status: ${statusOverview(file, now, timeZone).description}</title>`,
    );
  });
});

test.describe('the incident banner on other pages', () => {
  test('KB pages link to each unresolved incident, or show no banner', async ({ page, request }) => {
    const banners = incidentBanners(file, await builtAt(request));
    for (const path of ['/kb/registration/phone-wont-register/', '/kb/']) {
      await page.goto(path);
      const banner = page.getByRole('complementary', { name: 'Service status' });
      if (banners.length === 0) {
        await expect(banner).toHaveCount(0);
        continue;
      }
      await expect(banner.getByRole('link')).toHaveText(banners.map((b) => b.title));
      const hrefs = await banner.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(hrefs).toEqual(banners.map((b) => b.path));
    }
    if (banners[0]) {
      await page.getByRole('complementary', { name: 'Service status' }).getByRole('link').first().click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(banners[0].title);
    }
  });
});

test.describe('accessibility of the status pages', () => {
  for (const [name, path] of [
    ['status', '/status/'],
    ['incident', `/status/incidents/${file.incidents[0]!.id}/`],
    ['maintenance', `/status/incidents/${file.maintenances[0]!.id}/`],
    ['history', '/status/history/'],
  ] as const) {
    test(`axe finds no violations on the ${name} page`, async ({ page }) => {
      await page.goto(path);
      await expectNoAxeViolations(page);
    });
  }

  test('axe finds no violations with an uptime strip focused (its day list shown)', async ({ page }) => {
    await page.goto('/status/');
    await page.locator('.strip').nth(1).focus();
    await expect(page.locator('.strip:focus + .days')).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
