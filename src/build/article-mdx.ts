// Gives src/data/article-content.ts the Markdown settings the MDX integration compiles with (syntax highlighting,
// Shiki's theme, GFM, smart punctuation), resolved from astro.config.mjs, as the virtual module
// `virtual:dialtone/markdown-options`. Articles are compiled while their page renders, not bundled one module
// each (at 10,000 articles Vite's bundler held 0.42 GB per 1,000 of them): see src/data/article-content.ts.
// It also keeps Astro rendering the pages in the mode it used while articles were modules (selfPropagating).
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';

const MODULE_ID = 'virtual:dialtone/markdown-options';

export function articleMdx(): AstroIntegration {
  return {
    name: 'dialtone:article-mdx',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        const { syntaxHighlight, shikiConfig, gfm, smartypants, processor } = config.markdown;
        // Only the default processor's options can be carried to the page as data; a configured one would
        // compile the articles differently from what this module does.
        const plugins = processor.options as { mdastPlugins?: unknown[]; hastPlugins?: unknown[] };
        if (processor.name !== 'satteri' || plugins.mdastPlugins?.length || plugins.hastPlugins?.length) {
          throw new Error(
            'src/build/article-mdx.ts compiles articles with the default Markdown processor (satteri, no plugins); ' +
              'remove markdown.processor from astro.config.mjs or teach src/data/article-content.ts to use it',
          );
        }
        if (shikiConfig.transformers.length > 0) {
          throw new Error('src/build/article-mdx.ts cannot carry markdown.shikiConfig.transformers to the pages');
        }
        const options = {
          shared: { syntaxHighlight, shikiConfig, gfm, smartypants },
          srcDir: config.srcDir.href,
        };
        updateConfig({ vite: { plugins: [markdownOptionsModule(options), selfPropagating()] } });
      },
    },
  };
}

function markdownOptionsModule(options: object): Plugin {
  const resolved = `\0${MODULE_ID}`;
  return {
    name: 'dialtone:markdown-options',
    resolveId: (id) => (id === MODULE_ID ? resolved : undefined),
    load: (id) => (id === resolved ? `export default ${JSON.stringify(options)};` : undefined),
  };
}

/**
 * Keeps pages rendering as they did when every article was a content module. Astro renders a page whose imports
 * reach a module with head propagation ("self", as content modules were) in two passes; that changes the order
 * islands render in, hence React's ids in them. Without article modules, Astro's list of content modules
 * (`.astro/content-modules.mjs`, imported by `astro:content`) is marked instead, so every page importing
 * `astro:content` keeps its mode, and the built pages stay byte for byte the same.
 */
function selfPropagating(): Plugin {
  return {
    name: 'dialtone:content-propagation',
    transform: {
      filter: { id: /[\\/]\.astro[\\/]content-modules\.mjs$/ },
      handler: (code) => ({
        code,
        map: null,
        meta: {
          astro: {
            hydratedComponents: [],
            clientOnlyComponents: [],
            serverComponents: [],
            scripts: [],
            propagation: 'self',
            containsHead: false,
            pageOptions: {},
          },
        },
      }),
    },
  };
}
