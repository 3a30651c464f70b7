import { defineConfig } from 'vitest/config';

// The store packages in artifacts/, after `npm run package` (scripts/package.ts).
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/package/**/*.test.ts'],
  },
});
