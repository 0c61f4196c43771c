import { setAddRequest, type AddRequest } from '../storage/ui-state';
import { openSidePanel } from './open-side-panel';

/**
 * Opens the side panel on the add-by-hand form, prefilled (a page about no
 * one: its link). Call straight from a click: the panel opens in the click's
 * task, and the panel shows the form once the request is written.
 */
export function openAddForm(
  windowId: number | undefined,
  prefill: { profileUrl?: string; initial?: AddRequest['initial'] },
): Promise<void> {
  const requesting = setAddRequest(prefill);
  const opening = openSidePanel(windowId);
  return Promise.all([requesting, opening]).then(() => undefined);
}
