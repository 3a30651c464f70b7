import { defineConfig } from 'vitest/config';

// End-to-end in Firefox: dist-firefox/ in Debian's firefox-esr against the emulator on 127.0.0.1.
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/e2e-firefox/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
