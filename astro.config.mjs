// @ts-check
import mdx from '@astrojs/mdx';
import node from '@astrojs/node';
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { linkCheck } from './src/build/link-check.ts';
import { pagefindIndex } from './src/build/pagefind.ts';

// SITE_URL is where the site is served; canonical URLs, feeds, the sitemap and the ticket endpoint's
// Origin check use it.
const site = process.env.SITE_URL || 'http://localhost:4321';

export default defineConfig({
  site,
  trailingSlash: 'always',
  // Static first: every page is prerendered except routes that opt out (the ticket endpoint).
  output: 'static',
  adapter: node({ mode: 'standalone' }),
  integrations: [mdx(), react(), sitemap({ filter: (page) => !page.includes('/support/new') }), linkCheck(), pagefindIndex()],
  build: { format: 'directory', inlineStylesheets: 'always' },
  server: { host: process.env.HOST || '127.0.0.1', port: Number(process.env.PORT) || 4321 },
});
