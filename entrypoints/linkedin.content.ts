import { readRaw } from '../capture/extract-linkedin';
import { readPageOnRequest } from '../messages/read-on-request';

/**
 * LinkedIn profiles: reads the page when the background asks, and never adds or
 * changes anything in it (LinkedIn's terms forbid it and LinkedIn detects it).
 * No React, no zod, no DOM writes: see messages/read-on-request.ts.
 */
export default defineContentScript({
  matches: ['https://*.linkedin.com/in/*'],
  runAt: 'document_idle',
  main: (ctx) => readPageOnRequest(ctx, readRaw),
});
