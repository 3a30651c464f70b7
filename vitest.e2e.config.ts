import { defineConfig } from 'vitest/config';

// End-to-end: the built extension in Debian's Chromium against the emulator on 127.0.0.1.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
