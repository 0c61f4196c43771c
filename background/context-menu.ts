/**
 * The page's context menu: "Save person to Rapport" (as a toolbar click) and
 * "Save selection as contact" (selected text becomes a prefilled contact the
 * user confirms). Menus persist across restarts, so they are created once, on
 * install or update; the click listener is registered at every start.
 */
import type { Browser } from 'wxt/browser';
import { i18n } from '../model/i18n';
import { browser } from 'wxt/browser';
import { addFromSelection, saveFromGesture } from './quick-save';

export const MENU_IDS = {
  savePerson: 'rapport-save-person',
  saveSelection: 'rapport-save-selection',
} as const;

export async function createContextMenus(): Promise<void> {
  if (!browser.contextMenus) return;
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: MENU_IDS.savePerson,
    title: i18n.t('background.menuSavePerson'),
    contexts: ['page', 'image', 'link'],
    documentUrlPatterns: ['https://*/*', 'http://*/*'],
  });
  browser.contextMenus.create({
    id: MENU_IDS.saveSelection,
    title: i18n.t('background.menuSaveSelection'),
    contexts: ['selection'],
    documentUrlPatterns: ['https://*/*', 'http://*/*'],
  });
}

/** Called straight from contextMenus.onClicked: the side panel opens in the click's task. */
export function onContextMenuClick(info: Browser.contextMenus.OnClickData, tab: Browser.tabs.Tab | undefined): void {
  if (info.menuItemId === MENU_IDS.savePerson) {
    void saveFromGesture(tab).catch((error: unknown) => console.error('Rapport: save from the menu failed', error));
  } else if (info.menuItemId === MENU_IDS.saveSelection && info.selectionText) {
    void addFromSelection(tab, info.selectionText, info.pageUrl ?? tab?.url).catch((error: unknown) =>
      console.error('Rapport: could not prefill a contact from the selection', error),
    );
  }
}

export const SAVE_COMMAND = 'save-person';

/** The keyboard shortcut (manifest `commands`): saves the person on the active tab. */
export function onCommand(command: string, tab: Browser.tabs.Tab | undefined): void {
  if (command !== SAVE_COMMAND) return;
  const fail = (error: unknown) => console.error('Rapport: save from the shortcut failed', error);
  // With the tab known, saving starts in this task, so the side panel may still open.
  if (tab) void saveFromGesture(tab).catch(fail);
  else void browser.tabs.query({ active: true, currentWindow: true }).then(([active]) => saveFromGesture(active)).catch(fail);
}

/**
 * Registers the menu and shortcut listeners (synchronously, from the
 * background's main). A browser without menus or commands (Firefox for
 * Android) simply has neither.
 */
export function registerQuickSaveListeners(): void {
  try {
    browser.contextMenus?.onClicked.addListener((info, tab) => onContextMenuClick(info, tab));
  } catch (error) {
    console.warn('Rapport: no context menus in this browser', error);
  }
  try {
    browser.commands?.onCommand.addListener((command, tab) => onCommand(command, tab));
  } catch (error) {
    console.warn('Rapport: no keyboard shortcuts in this browser', error);
  }
}
