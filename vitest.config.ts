import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    setupFiles: ['tests/unit/setup.ts'],
    environment: 'happy-dom',
    restoreMocks: true,
    // Vitest's default leaves one core idle (cores − 1): on a 2-core machine that is one file at a time.
    // Most of a file's time is starting its happy-dom environment, which overlaps well.
    maxWorkers: Math.max(2, availableParallelism()),
    // Machines have 2 shared cores and are often busy: a test waits on events, never on a 5 s default clock.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
