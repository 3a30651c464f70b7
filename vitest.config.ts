import { defineConfig } from 'vitest/config';

// Unit tests only: no crx plugin here, and the end-to-end suite has its own config.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/emulator/**/*.test.ts'],
    setupFiles: ['test/unit/setup.ts'],
    environment: 'node',
    // Tests against the emulator wait for real I/O; on a loaded 2-CPU machine one second is short.
    expect: { poll: { timeout: 5_000 } },
  },
});
