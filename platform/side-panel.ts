/**
 * The browser's side panel behind one call: Chrome's `sidePanel` or Firefox's `sidebarAction`. Used by the
 * interface (popup buttons) and the background (menu, shortcut, notification clicks) alike. The browser opens the
 * panel only in the same task as the user's gesture, so callers call this first and await nothing before it.
 */
import { i18n } from '../model/i18n';
import { browser } from 'wxt/browser';

interface ChromeSidePanel {
  sidePanel?: { open(options: { windowId?: number; tabId?: number }): Promise<void> };
}
interface FirefoxSidebar {
  sidebarAction?: { open(): Promise<void> };
}

/**
 * Opens the panel of `windowId` (the current window when undefined; Firefox's sidebar has one per window and opens
 * in the current one). Rejects where the panel cannot open: no gesture, or a browser with neither API.
 */
export function openBrowserSidePanel(windowId?: number): Promise<void> {
  const chromeApi = (globalThis as { chrome?: ChromeSidePanel }).chrome;
  const firefoxApi = browser as unknown as FirefoxSidebar;
  try {
    return chromeApi?.sidePanel
      ? chromeApi.sidePanel.open(windowId !== undefined ? { windowId } : {})
      : (firefoxApi.sidebarAction?.open() ?? Promise.reject(new Error(i18n.t('common.noSidePanel'))));
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}
