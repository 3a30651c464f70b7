import { defineConfig } from 'vitest/config';

// `npm run test:faults`: the whole fault matrix (test/e2e/faults), FAULTS=full. `npm test` runs
// only its quick subset, through vitest.e2e.config.ts.
export default defineConfig({
  test: {
    include: ['test/e2e/faults/**/*.e2e.ts'],
    env: { FAULTS: 'full' },
    testTimeout: 300_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
    globalSetup: ['test/e2e/faults/support/print-matrix.ts'],
  },
});
