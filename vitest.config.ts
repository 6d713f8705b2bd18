import { defineConfig } from 'vitest/config';

// unit: pure, on fixtures only (fast); integration: processes, servers, git, and the shipped content check.
export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 20_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'integration', include: ['test/integration/**/*.test.ts'] } },
    ],
  },
});
