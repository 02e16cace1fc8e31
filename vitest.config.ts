import { defineConfig } from 'vitest/config';

// Two projects under one `npm test`: the unit and integration tests run in parallel as before; the
// browser journeys (`*.e2e.test.ts`) run afterwards, one file at a time, so real Chromium, the dev
// server and the run's worker do not compete with the unit tests for the CPU and time out.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'e2e/**/*.test.ts', 'tools/**/*.test.ts'],
          exclude: ['e2e/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          environment: 'node',
          fileParallelism: false,
          globalSetup: ['e2e/harness/globalSetup.ts'],
          testTimeout: 120_000,
          // a hook opens the studio page (up to 75 s to load on a busy machine, see harness/studio.ts)
          hookTimeout: 150_000,
          // a page on a busy machine can take seconds to show what a step caused: polls wait for it, up to
          // this long by default (the 1 s default failed journeys under load); a test can still ask for more
          expect: { poll: { timeout: 20_000, interval: 100 } },
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
