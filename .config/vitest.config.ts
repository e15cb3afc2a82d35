import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    globalSetup: ['.config/vitest.global-setup.ts'],
    // Real git repositories, venvs and servers: give slow machines room, never sleep.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: more workers only thrash.
    maxWorkers: 2,
    // Concurrent end-to-end tests (each a whole release in its own sandbox) mostly wait; three at
    // a time keeps both cores busy without starving any of them.
    maxConcurrency: 3,
    env: { FORCE_COLOR: '0', NO_COLOR: '1' },
  },
});
