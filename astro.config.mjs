// @ts-check
import mdx from '@astrojs/mdx';
import node from '@astrojs/node';
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { articleMdx } from './src/build/article-mdx.ts';
import { handOffToBuildScript } from './src/build/after-astro.ts';
import { hydrateOnInteraction } from './src/build/hydrate-on-interaction.ts';
import { linkCheck } from './src/build/link-check.ts';
import { staticHeaders } from './src/build/static-headers.ts';
import { statusCadence } from './src/build/status-cadence.ts';
import { ticketServerStart } from './src/build/ticket-server.ts';

// SITE_URL is where the site is served; canonical URLs, feeds, the sitemap and the ticket endpoint's
// Origin check use it.
const site = process.env.SITE_URL || 'http://localhost:4321';

// A build over another content folder (benchmarks) keeps its own content cache, so the next build of the
// real content does not read a stale data store.
const contentDir = process.env.CONTENT_DIR;
const cacheDir = contentDir
  ? path.join(
      tmpdir(),
      'dialtone-astro-cache',
      createHash('sha256').update(path.resolve(contentDir)).digest('hex').slice(0, 12),
    )
  : undefined;

export default defineConfig({
  site,
  ...(cacheDir && { cacheDir }),
  // 'ignore': the ticket endpoint answers at /api/tickets (the contract) as well as /api/tickets/; the
  // adapter would otherwise redirect a POST to the slash form, and clients retry a 301 as a GET.
  trailingSlash: 'ignore',
  // Static first: every page is prerendered except routes that opt out (the ticket endpoint).
  output: 'static',
  // Each endpoint checks Origin itself (tickets, subscriptions). Astro's own check refuses every form POST without a
  // matching Origin, which would refuse a mail client's one-click unsubscribe (RFC 8058 POSTs come from anywhere).
  security: { checkOrigin: false },
  adapter: node({ mode: 'standalone' }),
  integrations: [
    mdx(),
    articleMdx(),
    react(),
    hydrateOnInteraction(),
    sitemap({ filter: (page) => !page.includes('/support/new') }),
    linkCheck(),
    ticketServerStart(),
    staticHeaders(),
    statusCadence(),
    // `npm run build` indexes the pages with Pagefind and compresses them once Astro has exited (its memory freed).
    handOffToBuildScript(),
  ],
  build: { format: 'directory', inlineStylesheets: 'always' },
  server: { host: process.env.HOST || '127.0.0.1', port: Number(process.env.PORT) || 4321 },
});
