/**
 * Saving without the popup: the context menu and the keyboard shortcut. Both
 * are user gestures that grant activeTab, so the page can be read as after a
 * toolbar click. The popup cannot open from them, so the side panel shows the
 * result (opened first, in the gesture's task, as the browser requires), and
 * a notification reports it where no panel could open.
 */
import type { Browser } from 'wxt/browser';
import { i18n } from '../model/i18n';
import { browser } from 'wxt/browser';
import { parseSelection } from '../capture/selection';
import { openBrowserSidePanel } from '../platform/side-panel';
import type { SaveOutcome } from '../messages';
import { setAddRequest } from '../storage/ui-state';
import { afterSave } from './after-save';
import { saveTab } from './save-tab';

type Tab = Browser.tabs.Tab;

export const QUICK_SAVE_NOTIFICATION_ID = 'rapport-quick-save';

/** Opens the side panel now, in the gesture's task; resolves to whether it opened. */
export function openPanelNow(windowId: number | undefined): Promise<boolean> {
  return openBrowserSidePanel(windowId).then(() => true, () => false);
}

/** What to tell the user about a save they started from the menu or the shortcut. */
export function outcomeMessage(outcome: SaveOutcome): { title: string; message: string } {
  switch (outcome.kind) {
    case 'saved':
      return {
        title: outcome.created ? i18n.t('background.savedTitle') : i18n.t('background.updatedTitle'),
        message: i18n.t(outcome.created ? 'background.savedMessage' : 'background.updatedMessage', { name: outcome.contact.fullName }),
      };
    case 'picking':
      return { title: 'Rapport', message: i18n.t('background.severalPeople', { n: outcome.names.length }) };
    case 'no-person':
    case 'needs-access':
      return { title: 'Rapport', message: outcome.reason };
  }
}

async function notify(outcome: SaveOutcome): Promise<void> {
  if (!browser.notifications) return;
  const { title, message } = outcomeMessage(outcome);
  await browser.notifications
    .create(QUICK_SAVE_NOTIFICATION_ID, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title,
      message,
    })
    .catch(() => undefined);
}

/**
 * Saves the person on `tab`'s page. Returns the outcome once shown (for
 * tests); callers from event listeners need not wait.
 */
export async function saveFromGesture(tab: Tab | undefined, now = Date.now()): Promise<SaveOutcome | undefined> {
  if (tab?.id === undefined) return undefined;
  const tabId = tab.id;
  const panel = openPanelNow(tab.windowId);
  let outcome: SaveOutcome;
  try {
    outcome = await saveTab(tabId, now);
  } catch (error) {
    outcome = { kind: 'no-person', url: tab.url, reason: error instanceof Error ? error.message : i18n.t('common.notSaved') };
  }
  if (outcome.kind === 'saved') {
    await afterSave(outcome.contact, { tabId, focus: true });
  } else if (outcome.kind === 'no-person' && outcome.url && /^https?:/.test(outcome.url)) {
    // A page about no one: the add-by-hand form, with what the page did show, for the user to finish.
    await setAddRequest(outcome.draft ?? { profileUrl: outcome.url }).catch(() => undefined);
  }
  // The open panel shows the saved person or the form; the picker speaks for itself on the page.
  if (outcome.kind !== 'picking' && !(await panel)) await notify(outcome);
  return outcome;
}

/** "Save selection as contact": the selected text becomes a prefilled form the user confirms. */
export async function addFromSelection(tab: Tab | undefined, selectionText: string, pageUrl: string | undefined): Promise<void> {
  const panel = openPanelNow(tab?.windowId);
  const initial = parseSelection(selectionText);
  await setAddRequest({ profileUrl: pageUrl, initial });
  if (!(await panel)) {
    // No panel (a browser without one): the form opens in a tab instead.
    await browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') });
  }
}
