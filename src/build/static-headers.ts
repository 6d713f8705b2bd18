// Puts src/server/static-headers.ts around @astrojs/node's standalone request handler in the built server, so
// `npm start` sends the rule table's headers (CORS, Cache-Control) on prerendered files too, and the build's
// brotli and gzip copies to clients that accept them.
// Only reads try the files first (STATIC_FIRST). Only the server build is touched; a renamed adapter function
// fails the build instead of silently serving files without their headers.
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const WRAPPER_MODULE = fileURLToPath(new URL('../server/static-headers.ts', import.meta.url));
// Not in the adapter's exports map: found beside its server entry, which is.
const ADAPTER_STANDALONE = fileURLToPath(new URL('./standalone.js', import.meta.resolve('@astrojs/node/server.js')));
const DEFINITION = 'function createStandaloneHandler(';
// The adapter tries every request as a file first (a synchronous lstat, then `send`'s stat), POSTs included:
// under load that was a tenth of the ticket endpoint's time, and more while the outbox fsyncs on the same disk.
const STATIC_FIRST = 'staticHandler(req, res, () => appHandler(req, res));';
const WRITES_TO_APP =
  "req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS' ? " +
  'staticHandler(req, res, () => appHandler(req, res)) : appHandler(req, res);';

export function staticHeaders(): AstroIntegration {
  return {
    name: 'dialtone:static-headers',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command === 'build') updateConfig({ vite: { plugins: [wrapAdapterHandler()] } });
      },
    },
  };
}

function wrapAdapterHandler(): Plugin {
  let wrapped = false;
  return {
    name: 'dialtone:static-headers',
    applyToEnvironment: (environment) => environment.name === 'ssr',
    transform(code, id) {
      if (id.split('?')[0] !== ADAPTER_STANDALONE) return undefined;
      if (!code.includes(DEFINITION)) this.error(`${DEFINITION}...) is gone from ${ADAPTER_STANDALONE}`);
      if (!code.includes(STATIC_FIRST)) this.error(`"${STATIC_FIRST}" is gone from ${ADAPTER_STANDALONE}`);
      wrapped = true;
      // The adapter's own function keeps its body under another name; every caller (the standalone server and
      // the exported handler) gets the wrapped one.
      return {
        code: [
          `import { withStaticHeaders as __dialtoneWithStaticHeaders } from ${JSON.stringify(WRAPPER_MODULE)};`,
          // The adapter's own resolution of the client folder (dist/client beside the server entry).
          `import { resolveClientDir as __dialtoneClientDir } from './shared.js';`,
          // Files answer reads only: a POST, PUT or DELETE goes to the server's routes without touching the disk.
          code.replace(DEFINITION, 'function adapterStandaloneHandler(').replace(STATIC_FIRST, WRITES_TO_APP),
          'function createStandaloneHandler(app, options, ...rest) {',
          '  return __dialtoneWithStaticHeaders(',
          '    adapterStandaloneHandler(app, options, ...rest),',
          '    __dialtoneClientDir(options),',
          '  );',
          '}',
        ].join('\n'),
        map: null,
      };
    },
    buildEnd(error) {
      if (!error && !wrapped) this.error(`did not find the adapter's standalone handler ${ADAPTER_STANDALONE}`);
    },
  };
}
