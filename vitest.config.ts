import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    setupFiles: ['tests/unit/setup.ts'],
    environment: 'happy-dom',
    restoreMocks: true,
    // Machines have 2 shared cores and are often busy: a test waits on events, never on a 5 s default clock.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
