import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * Packages bundled once per run into one file each (Vitest's dependency optimizer) instead of being loaded module by
 * module in every test file: date-fns' index alone is some 250 modules. Only packages no other package imports, so
 * that no second copy of one of them can appear (Dexie and React stay as they are: dexie-react-hooks and react-dom
 * import them).
 */
const BUNDLED = ['date-fns', 'zod'];

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    // The locale files, parsed once for the run and handed to every file (tests/unit/locales-once.ts).
    globalSetup: ['tests/unit/locales-once.ts'],
    setupFiles: ['tests/unit/setup.ts'],
    // Each test file starts its own environment, and happy-dom's import is most of a file's start. A file whose code
    // reaches no DOM global (no document, window, localStorage, navigator…, checked on its import graph) says
    // `// @vitest-environment node` on its first line and starts without one. A file whose only DOM global is the
    // page's localStorage (the database's writes keep the first-screen snapshots there, storage/first-screen.ts) runs
    // in node too, with tests/unit/page-storage.ts giving it the same in-memory store, so that it still tests the
    // page's path and not the background's. Every other file, and any new one, gets happy-dom.
    environment: 'happy-dom',
    deps: { optimizer: { web: { enabled: true, include: BUNDLED }, ssr: { enabled: true, include: BUNDLED } } },
    restoreMocks: true,
    // Vitest's default leaves one core idle (cores − 1): on a 2-core machine that is one file at a time.
    // Most of a file's time is starting its environment, which overlaps well.
    maxWorkers: Math.max(2, availableParallelism()),
    // Machines have 2 shared cores and are often busy: a test waits on events, never on a 5 s default clock.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
