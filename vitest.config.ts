import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // better-sqlite3 and wink hold native/large state; forks isolate them per file.
    pool: 'forks',
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
