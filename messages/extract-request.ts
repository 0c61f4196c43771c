/**
 * The one request the background sends to a content script: read the page.
 * It lives apart from ./index.ts so that content scripts import no zod
 * (their size budget), and it carries no data to validate.
 */
export const EXTRACT_REQUEST = { type: 'rapport:extract' } as const;
