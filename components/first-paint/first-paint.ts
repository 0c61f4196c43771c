/**
 * The first paint of an extension page (the side panel, the popup) from its first-screen snapshot, before its React,
 * Dexie and zod chunks have loaded (the page's entry imports only this and its painter, then loads the rest). Paints
 * only a snapshot that is current on both data versions (storage/first-screen.ts): one a write has made stale is
 * never shown.
 */
import type { FirstScreen } from '../../contacts/first-screen';
import { currentFirstScreen } from '../../storage/first-screen';

/**
 * Paints the snapshot `read` finds current (the side panel's, unless told) into `root` with `paint`; the snapshot
 * painted, or undefined when none was.
 */
export async function paintFirstScreen<T = FirstScreen>(
  root: HTMLElement,
  paint: (root: HTMLElement, screen: T) => void,
  read: () => Promise<T | undefined> = currentFirstScreen as () => Promise<T | undefined>,
): Promise<T | undefined> {
  try {
    const screen = await read();
    // React already drew (it never waits long for this): nothing to paint under it.
    if (!screen || root.childElementCount > 0) return undefined;
    paint(root, screen);
    performance.mark('rapport:first-paint');
    return screen;
  } catch {
    // A snapshot that cannot be painted is no snapshot: the page paints from the database.
    return undefined;
  }
}
