import { readRaw } from '../capture/extract-web';

/**
 * Injected by the background into the active tab after the user clicks the
 * toolbar icon (activeTab): reads the page and returns what it found.
 * LinkedIn and Doximity pages are read by their own content scripts instead.
 */
export default defineUnlistedScript(() => {
  return readRaw(document, location.href);
});
