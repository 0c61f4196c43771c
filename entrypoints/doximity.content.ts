import { extractRaw, readRaw } from '../capture/extract-doximity';
import { readPageOnRequest } from '../messages/read-on-request';

/** Doximity profiles: read-only, like the LinkedIn script. */
export default defineContentScript({
  matches: ['https://*.doximity.com/pub/*', 'https://*.doximity.com/profiles/*'],
  runAt: 'document_idle',
  main: (ctx) => readPageOnRequest(ctx, readRaw),
});
