import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useRef } from 'react';
import { contactsByIds } from '../../storage/contact-list';
import type { ListedContact } from '../../contacts/first-screen';

/** Rows read per request: a screenful and then some, so that scrolling asks rarely. */
export const ROW_PAGE = 50;
/** Rows remembered after they scroll away, so that scrolling back paints at once. */
const REMEMBERED = 2_000;

/**
 * The records of the rows from `first` to `last` of `ids`, read a page at a
 * time and kept live: the list holds ids only, and reads the few people on
 * screen. `seed` (the first page painted before the ids arrive) fills rows
 * until their own read answers. `fresh` holds records just read with the ids
 * themselves (a search's matches, asked again at every change to the
 * contacts): those rows are drawn from it at once and not read again.
 */
export function useContactRows(
  ids: readonly string[],
  first: number,
  last: number,
  seed?: readonly ListedContact[],
  fresh?: ReadonlyMap<string, ListedContact>,
): ReadonlyMap<string, ListedContact> {
  const start = Math.floor(Math.max(0, first) / ROW_PAGE) * ROW_PAGE;
  const end = Math.min(ids.length, (Math.floor(Math.max(0, last) / ROW_PAGE) + 1) * ROW_PAGE);
  const wanted = fresh ? ids.slice(start, end).filter((id) => !fresh.has(id)) : ids.slice(start, end);
  const key = wanted.join('\n');
  const rows = useLiveQuery(() => (wanted.length > 0 ? contactsByIds(wanted) : []), [key]);
  const remembered = useRef(new Map<string, ListedContact>());

  return useMemo(() => {
    const cache = remembered.current;
    if (cache.size > REMEMBERED) cache.clear();
    if (seed) for (const contact of seed) if (!cache.has(contact.id)) cache.set(contact.id, contact);
    // The fresh read wins over anything remembered: it may carry an edit.
    for (const contact of rows ?? []) cache.set(contact.id, contact);
    for (const contact of fresh?.values() ?? []) cache.set(contact.id, contact);
    return new Map(cache);
  }, [rows, seed, fresh]);
}
