import { defineConfig } from 'vitest/config';

// `npm run test:firefox`: the end-to-end suite in real Firefox (tests/firefox), run after
// the build by `npm test`. Node, not a DOM: the browser is Firefox, driven by puppeteer-core.
export default defineConfig({
  test: {
    include: ['tests/firefox/**/*.test.ts'],
    environment: 'node',
    // One Firefox, one story in order.
    fileParallelism: false,
    sequence: { concurrent: false },
    testTimeout: 90_000,
    hookTimeout: 90_000,
  },
});
