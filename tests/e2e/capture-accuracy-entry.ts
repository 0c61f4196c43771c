/**
 * What the fixture accuracy suite bundles into each page: the readers the
 * extension's scripts run (capture-page for any site, the LinkedIn and
 * Doximity content scripts' `extractRaw`, LinkedIn's `readRaw`, which also says
 * why a page at a profile address shows no profile).
 */
export { extractRaw, findPeopleRaw } from '../../capture/extract';
export { readRaw as readLinkedIn } from '../../capture/extract-linkedin';
