/**
 * What follows every save of a person, whichever way it came (the popup, the menu or shortcut, the picker, the
 * pointer): the badge recounted, the tab's icon told the profile is saved, and the side panel asked to show the
 * person. One step, so that the save paths cannot drift apart. Nothing here can undo the save: failures are left
 * to the next recount.
 */
import type { Contact } from '../model/schemas';
import { setFocusContact } from '../storage/ui-state';
import { requestBadgeRefresh } from './badge';
import { updateTabIcon } from './tab-icon';

export interface AfterSave {
  /** The tab the person was read from, whose icon shows "saved" when it is at their profile. */
  tabId?: number;
  /**
   * Show the person in the side panel. Off for a save from the popup, which shows the result itself and must not
   * move a panel the user has open elsewhere.
   */
  focus?: boolean;
}

export async function afterSave(contact: Contact, { tabId, focus = false }: AfterSave = {}): Promise<void> {
  // The focus is written first: the panel opened by the same gesture reads it as it loads.
  if (focus) await setFocusContact(contact.id).catch(() => undefined);
  await Promise.allSettled([
    requestBadgeRefresh(),
    tabId === undefined ? undefined : updateTabIcon(tabId, contact.profiles.linkedin ?? contact.profiles.doximity),
  ]);
}
