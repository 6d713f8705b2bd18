import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
const port = 4392, base = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, ['dist/server/entry.mjs'], { env: { ...process.env, HOST: '127.0.0.1', PORT: String(port) }, stdio: 'ignore' });
await new Promise(r => setTimeout(r, 4000));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
await page.goto(`${base}/search/`);
const queries = JSON.parse(process.argv[2]);
const out = await page.evaluate(async (queries) => {
  const pf = await import('/pagefind/pagefind.js');
  await pf.options({ ranking: { termFrequency: 0.6, pageLength: 0.4, termSaturation: 1.2 } });
  await pf.init();
  const res = {};
  for (const q of queries) {
    const s = await pf.search(q);
    const top = await Promise.all(s.results.slice(0, 5).map(async r => { const d = await r.data(); return d.url + " " + r.score.toFixed(2) + " " + JSON.stringify(r.matchedMetaFields ?? null); }));
    res[q] = { n: s.results.length, unfiltered: s.unfilteredResultCount, top, keys: Object.keys(s.results[0] ?? {}) };
  }
  return res;
}, queries);
console.log(JSON.stringify(out, null, 1));
await browser.close(); server.kill();
