import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT) || 4329;
export const baseURL = `http://127.0.0.1:${port}`;

// Debian's Chromium (Playwright cannot download its own browser on these machines).
const chromium = {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
    '--disable-quic',
  ],
};

export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  timeout: 30_000,
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: chromium,
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions: chromium } }],
  // Serves the built site (`npm run build` first): static pages plus the on-demand ticket endpoint.
  webServer: {
    command: 'node dist/server/entry.mjs',
    url: `${baseURL}/`,
    reuseExistingServer: false,
    timeout: 30_000,
    env: {
      HOST: '127.0.0.1',
      PORT: String(port),
      OUTBOX_PATH: process.env.E2E_OUTBOX_PATH || 'test-results/e2e-outbox.sqlite',
      // Every test posts from 127.0.0.1: room for the whole suite, the limit itself is tested in integration.
      TICKET_RATE_LIMIT: '50',
    },
  },
});
