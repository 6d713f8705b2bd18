// Starts the ticket runtime with the built server, not on the first POST: the adapter's server entry is given
// one import of src/helpdesk/server-start.ts. Only the server build is touched; prerendering never runs it.
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const START_MODULE = fileURLToPath(new URL('../helpdesk/server-start.ts', import.meta.url));
const ADAPTER_ENTRY = fileURLToPath(import.meta.resolve('@astrojs/node/server.js'));

export function ticketServerStart(): AstroIntegration {
  return {
    name: 'dialtone:ticket-server-start',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command === 'build') updateConfig({ vite: { plugins: [startWithServer()] } });
      },
    },
  };
}

function startWithServer(): Plugin {
  let injected = false;
  return {
    name: 'dialtone:ticket-server-start',
    applyToEnvironment: (environment) => environment.name === 'ssr',
    transform(code, id) {
      if (id.split('?')[0] !== ADAPTER_ENTRY) return undefined;
      injected = true;
      return { code: `import ${JSON.stringify(START_MODULE)};\n${code}`, map: null };
    },
    buildEnd(error) {
      // A renamed adapter entry must fail the build, not ship a server that never delivers tickets.
      if (!error && !injected) this.error(`did not find the adapter's server entry ${ADAPTER_ENTRY}`);
    },
  };
}
