import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { setFocusContact, type FocusRequest } from '../storage/ui-state';

interface ChromeSidePanel {
  sidePanel?: { open(options: { windowId?: number; tabId?: number }): Promise<void> };
}
interface FirefoxSidebar {
  sidebarAction?: { open(): Promise<void> };
}

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
  const chromeApi = (globalThis as { chrome?: ChromeSidePanel }).chrome;
  const firefoxApi = browser as unknown as FirefoxSidebar;
  // The focus is recorded even when the panel cannot open (no gesture, a page
  // opened as a tab), so that the panel shows the contact once the user opens it.
  const focusing = contactId ? setFocusContact(contactId, options) : Promise.resolve();
  let opening: Promise<void>;
  try {
    opening = chromeApi?.sidePanel
      ? chromeApi.sidePanel.open(windowId !== undefined ? { windowId } : {})
      : (firefoxApi.sidebarAction?.open() ?? Promise.reject(new Error(i18n.t('common.noSidePanel'))));
  } catch (error) {
    opening = Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
  return Promise.all([focusing, opening]).then(() => undefined);
}
