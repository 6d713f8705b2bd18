// `client:interaction`: an island that stays plain server-rendered HTML (a working GET form) until the customer
// touches it, then loads React and hydrates over the same markup. Reading an article costs no JavaScript for a
// search box nobody uses; the first focus, tap or keystroke starts the download.
import type { ClientDirective } from 'astro';

/** What counts as "about to use it": focus (keyboard or tap), a press, typing. Hovering past does not. */
const STARTERS = ['focusin', 'pointerdown', 'keydown', 'input'] as const;

const hydrateOnInteraction: ClientDirective = (load, _options, el) => {
  let started = false;
  const start = async () => {
    if (started) return;
    started = true;
    for (const type of STARTERS) el.removeEventListener(type, start);
    const hydrate = await load();
    await hydrate();
  };
  for (const type of STARTERS) el.addEventListener(type, start, { passive: true });
  // Focused before this script ran (a fast tap while the page loaded): start now.
  if (el.contains(document.activeElement)) void start();
};

export default hydrateOnInteraction;
