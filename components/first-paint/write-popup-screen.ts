/**
 * Writes the popup's snapshot (./paint-popup.ts) from its live view: the due count and a copy of the due list, as
 * drawn, stamped with the data version every part of them was read at (./popup-reads.tsx). A view read before the
 * last write (its version is not the current one) is not copied: the write's own answer is on its way and copies
 * itself. A list showing an error leaves no snapshot: the next open reads the database, as without one.
 */
import { nextDueAfter } from '../../storage/due';
import { POPUP_SCREEN, readGen, writeScreen } from '../../storage/first-screen';
import { uiLanguage } from '../format';
import { copyElement } from './dom-copy';
import { popupScreenUntil, POPUP_SCREEN_FORMAT, type PopupScreen } from './paint-popup';

/** `main`: the live popup's <main>; `gen`: the version its parts were read at. Whether a snapshot was written. */
export async function writePopupScreen(main: HTMLElement, gen: number | undefined): Promise<boolean> {
  if (gen === undefined || gen !== readGen(POPUP_SCREEN)) return false;
  const section = main.querySelector('[data-testid="due-list"]');
  const due = main.querySelector('[data-testid="due-count"]')?.textContent ?? '';
  const list = section && !section.querySelector('[role="alert"]:not([data-transient])') ? copyElement(section) : undefined;
  const lang = uiLanguage();
  return writeScreen(POPUP_SCREEN, async (versions): Promise<PopupScreen | undefined> => {
    if (!list || versions.gen !== gen) return undefined;
    const now = Date.now();
    return { format: POPUP_SCREEN_FORMAT, gen, stamp: versions.stamp, lang, until: popupScreenUntil(now, await nextDueAfter(now)), due, list };
  });
}
