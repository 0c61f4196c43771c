import { extractRaw, findPeopleRaw } from '../capture/extract-web';

/**
 * Injected by the background into the active tab after the user clicks the
 * toolbar icon (activeTab): reads the page and returns what it found.
 * LinkedIn and Doximity pages are read by their own content scripts instead.
 */
export default defineUnlistedScript(() => {
  const url = location.href;
  const person = extractRaw(document, url);
  return person ?? { people: findPeopleRaw(document, url) };
});
