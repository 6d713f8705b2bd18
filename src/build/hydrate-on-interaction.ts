// Registers the `client:interaction` directive (src/islands/hydrate-on-interaction.ts): the header and home
// search boxes hydrate when the customer focuses or types in them, not on load or idle.
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';

export const INTERACTION_DIRECTIVE = 'interaction';

export function hydrateOnInteraction(): AstroIntegration {
  return {
    name: 'dialtone:hydrate-on-interaction',
    hooks: {
      'astro:config:setup': ({ addClientDirective }) => {
        addClientDirective({
          name: INTERACTION_DIRECTIVE,
          entrypoint: fileURLToPath(new URL('../islands/hydrate-on-interaction.ts', import.meta.url)),
        });
      },
    },
  };
}

declare module 'astro' {
  interface AstroClientDirectives {
    /** Hydrate on the first focus, press or keystroke inside the island. */
    'client:interaction'?: boolean;
  }
}
