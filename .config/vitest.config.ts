import { defineConfig } from 'vitest/config';

// The fast loop (`npm run test:unit`): pure rules, the engine against fakes, the two front ends.
const UNIT = [
  'test/domain/**/*.test.{ts,tsx}',
  'test/engine/**/*.test.{ts,tsx}',
  'test/ui/**/*.test.{ts,tsx}',
  'test/plain/**/*.test.{ts,tsx}',
];

export default defineConfig({
  test: {
    // Real git repositories, venvs and servers: give slow machines room, never sleep.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: more workers only thrash.
    maxWorkers: 2,
    // Concurrent end-to-end tests (each a whole release in its own sandbox) mostly wait; three at
    // a time keeps both cores busy without starving any of them.
    maxConcurrency: 3,
    env: { FORCE_COLOR: '0', NO_COLOR: '1' },
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT } },
      // Everything that runs real processes, servers, sandboxes and whole releases.
      {
        extends: true,
        // They run the real bundle: it is built once before any of them starts.
        test: {
          name: 'e2e',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: UNIT,
          globalSetup: ['.config/vitest.global-setup.ts'],
        },
      },
    ],
  },
});
