import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Fixed clock-free environment: time zone pinned so date formatting is reproducible.
    env: { TZ: 'UTC' },
  },
});
