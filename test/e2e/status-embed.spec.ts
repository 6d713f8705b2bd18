// The status read from another site: Atlassian's <statuspage-widget> (npm @statuspage/status-widget, which
// fetches <src>/api/v2/summary.json) on an intranet-like page served from another origin shows our status.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

const widgetScript = readFileSync('node_modules/@statuspage/status-widget/dist/index.js');

let intranet: Server;
let intranetOrigin: string;

test.beforeAll(async ({ baseURL }) => {
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Intranet</title>
<script src="/status-widget.js"></script></head>
<body><h1>Intranet</h1><p>Phones: <statuspage-widget src="${baseURL}/"></statuspage-widget></p>
<p>Badge: <statuspage-widget src="${baseURL}/" appearance="badge" title="voice"></statuspage-widget></p></body></html>`;
  // Another origin: same loopback address, another port.
  intranet = createServer((req, res) => {
    if (req.url === '/status-widget.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(widgetScript);
    } else if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => intranet.listen(0, '127.0.0.1', resolve));
  intranetOrigin = `http://127.0.0.1:${(intranet.address() as AddressInfo).port}`;
});

test.afterAll(() => new Promise<void>((resolve) => intranet.close(() => resolve())));

test("Atlassian's status widget on another origin shows the status our summary gives", async ({
  page,
  request,
  baseURL,
}) => {
  const summary = await (await request.get('/api/v2/summary.json')).json();
  const fetched = page.waitForResponse(`${baseURL}/api/v2/summary.json`);
  await page.goto(`${intranetOrigin}/`);
  const response = await fetched;
  expect(await response.request().headerValue('origin')).toBe(intranetOrigin);
  expect(response.headers()['access-control-allow-origin']).toBe('*');
  const [basic, badge] = [page.locator('statuspage-widget').first(), page.locator('statuspage-widget').nth(1)];
  await expect(basic.locator('.status-text')).toHaveText(summary.status.description);
  await expect(basic.locator('.status-indicator')).toHaveClass(new RegExp(`\\b${summary.status.indicator}\\b`));
  await expect(basic.locator('a')).toHaveAttribute('href', `${baseURL}/`);
  await expect(badge.locator('.status-indicator')).toHaveText(summary.status.description);
});

test('the feeds, calendar and badge are readable from another origin too', async ({ page, baseURL }) => {
  await page.goto(`${intranetOrigin}/`);
  const read = await page.evaluate(async (site) => {
    const paths = ['/status/feed.rss', '/status/feed.atom', '/status/maintenance.ics', '/status/badge.svg'];
    return Promise.all(
      paths.map(async (path) => {
        // A custom header makes the browser send a preflight first: both must pass.
        const response = await fetch(`${site}${path}`, { headers: { 'x-requested-with': 'intranet' } });
        return `${path} ${response.status} ${(await response.text()).length > 0}`;
      }),
    );
  }, baseURL);
  expect(read).toEqual([
    '/status/feed.rss 200 true',
    '/status/feed.atom 200 true',
    '/status/maintenance.ics 200 true',
    '/status/badge.svg 200 true',
  ]);
});
