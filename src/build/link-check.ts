// Fails the build when a page links to a page that was not built (a renamed article, a typo in an MDX link).
import type { AstroIntegration } from 'astro';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deadLinks } from '../lib/links/internal.ts';

/** Paths served by on-demand routes, not files in the static output. */
const onDemand = ['/api/tickets'];

export function linkCheck(): AstroIntegration {
  return {
    name: 'dialtone:link-check',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const pages = new Map<string, string>();
        for (const file of readdirSync(outDir, { recursive: true, encoding: 'utf8' })) {
          if (!file.endsWith('.html')) continue;
          const url = `/${file.replace(/\\/g, '/').replace(/index\.html$/, '')}`;
          pages.set(url, readFileSync(path.join(outDir, file), 'utf8'));
        }
        const exists = (href: string) => {
          const target = path.join(outDir, href);
          return existsSync(target) && (!href.endsWith('/') || existsSync(path.join(target, 'index.html')));
        };
        const errors = deadLinks(pages, exists, onDemand);
        if (errors.length > 0) {
          const message = `Dead internal links:\n${errors.join('\n')}`;
          // LINK_CHECK=warn while a section is being built; CI and `npm start` always run strict.
          if (process.env.LINK_CHECK === 'warn') logger.warn(message);
          else throw new Error(message);
        }
        logger.info(`checked the links of ${pages.size} pages`);
      },
    },
  };
}
