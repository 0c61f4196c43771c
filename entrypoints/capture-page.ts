import { extractRaw, findPeopleRaw } from '../capture/extract';

/**
 * Injected by the background into the active tab after the user clicks the
 * toolbar icon (activeTab): reads the page and returns what it found.
 */
export default defineUnlistedScript(() => {
  const url = location.href;
  const person = extractRaw(document, url);
  return person ?? { people: findPeopleRaw(document, url) };
});
