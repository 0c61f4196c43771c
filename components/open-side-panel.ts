/** The interface's way to the side panel: the platform's opening, and the contact it should show. */
import { openBrowserSidePanel } from '../platform/side-panel';
import { setFocusContact, type FocusRequest } from '../storage/ui-state';

/**
 * Opens the side panel (Chrome) or sidebar (Firefox), optionally on a contact.
 * Must be called straight from a click handler: the browser only opens the
 * panel in the same task as the user's gesture, so nothing is awaited first.
 */
export function openSidePanel(
  windowId: number | undefined,
  contactId?: string,
  options: { view?: FocusRequest['view']; templateId?: string } = {},
): Promise<void> {
  // The focus is recorded even when the panel cannot open (no gesture, a page
  // opened as a tab), so that the panel shows the contact once the user opens it.
  const focusing = contactId ? setFocusContact(contactId, options) : Promise.resolve();
  const opening = openBrowserSidePanel(windowId);
  return Promise.all([focusing, opening]).then(() => undefined);
}
