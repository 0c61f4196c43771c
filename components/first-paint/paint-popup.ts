/**
 * The popup's first paint, from its snapshot (storage/first-screen.ts's POPUP_SCREEN), in plain DOM before React,
 * Dexie and zod load. The snapshot holds what the popup's first screen shows that comes from the database: the due
 * count and the due list, the latter copied from the live view itself (./dom-copy.ts) when it was last shown. The
 * shell around them (title, "Saving the person on this page…", Open side panel) is drawn here exactly as PopupApp's
 * first render draws it. The copy is painted beside React's container, which stays hidden until the live view has
 * read everything the copy shows; then the two swap in one task (entrypoints/popup/app.tsx), so no frame shows a
 * "Loading follow-ups…" between them.
 */
import { i18n } from '../../model/i18n';
import { currentScreen, POPUP_SCREEN, type DataVersions } from '../../storage/first-screen';
import { buildCopy, isCopiedNode, type CopiedNode } from './dom-copy';
import { parseStoredScreen } from '../../contacts/first-screen';

/** Raises when the shape changes: an older snapshot is then not painted, never misread. */
export const POPUP_SCREEN_FORMAT = 1;

export interface PopupScreen extends DataVersions {
  format: number;
  /** The interface language it was written in: another one paints nothing (the live view's words would differ). */
  lang: string;
  /** When its words stop being true though nothing was written: the next midnight, or the next moment anything falls due. */
  until: number;
  /** The header's due count, as the live view wrote it. */
  due: string;
  /** The due list section, copied from the live view. */
  list: CopiedNode;
}

/** The stored popup snapshot, or undefined when absent, of another format, or damaged in any way. */
export function parsePopupScreen(raw: string | null | undefined): PopupScreen | undefined {
  const stored = parseStoredScreen(raw, POPUP_SCREEN_FORMAT);
  if (!stored) return undefined;
  const { format, gen, stamp, lang, until, due, list } = stored;
  if (typeof lang !== 'string' || typeof until !== 'number' || typeof due !== 'string' || !Array.isArray(list) || !isCopiedNode(list)) return undefined;
  return { format, gen, stamp, lang, until, due, list };
}

/** Whether a current snapshot may still be painted at `now` in `lang`. */
export function popupScreenHolds(screen: PopupScreen, now: number, lang: string): boolean {
  return now < screen.until && screen.lang === lang;
}

/** The first moment after `now` at which the due list's words can change by themselves: the next local midnight, or `nextDue`. */
export function popupScreenUntil(now: number, nextDue: number | undefined): number {
  const midnight = new Date(now);
  midnight.setHours(24, 0, 0, 0);
  return Math.min(midnight.getTime(), nextDue ?? Infinity);
}

function el(tag: string, attrs: Record<string, string>, ...children: (Node | string)[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** The popup as PopupApp first draws it, with the snapshot's due count and due list. */
export function popupFirstScreen(screen: PopupScreen): HTMLElement {
  const main = el(
    'main',
    { class: 'stack', style: 'width: 360px; padding: 16px; gap: 12px;', 'aria-busy': 'true' },
    el('header', { class: 'spread' }, el('h1', {}, 'Rapport'), el('span', { class: 'muted', 'aria-live': 'polite' }, screen.due)),
    el('section', { 'aria-live': 'polite', class: 'stack' }, el('p', { class: 'muted' }, i18n.t('popup.savingThePersonOn'))),
    el('button', { type: 'button' }, i18n.t('popup.openSidePanel')),
    buildCopy(screen.list),
  );
  const copy = el('div', { 'data-first-paint': 'snapshot' }, main, el('div', { class: 'toast-region' }));
  copy.inert = true;
  return copy;
}

/** Paints `screen` beside `root` (React's container), and hides `root` until the live view takes over. */
export function paintPopup(root: HTMLElement, screen: PopupScreen): void {
  root.hidden = true;
  root.before(popupFirstScreen(screen));
}

/** The live view takes over: the copy goes and React's container shows, in the same task (no frame between). */
export function takeOverPopup(root: HTMLElement): void {
  root.previousElementSibling?.matches('[data-first-paint]') && root.previousElementSibling.remove();
  root.hidden = false;
}

/** The popup's snapshot if it is current on both data versions, and its words still hold now, in this language. */
export async function currentPopupScreen(lang: string, now = Date.now()): Promise<PopupScreen | undefined> {
  const screen = await currentScreen(POPUP_SCREEN, parsePopupScreen);
  return screen && popupScreenHolds(screen, now, lang) ? screen : undefined;
}
