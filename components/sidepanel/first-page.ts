import { firstContacts } from '../../storage/contacts';
import type { Contact } from '../../model/schemas';
import { onContactsChange, useContactsQuery } from '../use-contacts-query';

/** Contacts in the first page, painted before the whole list is read. */
export const FIRST_PAGE_SIZE = 60;

let early: Promise<Contact[]> | undefined;
let stopWatching: (() => void) | undefined;

/**
 * Starts reading the first page as soon as the side panel's script runs,
 * so that the database opens and answers while React renders (RELIABILITY L1).
 */
export function startFirstPage(): void {
  early = firstContacts(FIRST_PAGE_SIZE);
  // A failure is seen (and shown) by the hook that takes this read over.
  early.catch(() => undefined);
  // A write before the hook takes the read over makes it stale: the hook then reads afresh.
  stopWatching = onContactsChange(() => {
    early = undefined;
    stopWatching?.();
  });
}

/** The first page: the early read's answer once, then a fresh read whenever the contacts change. */
export function useFirstPage(): Contact[] | undefined {
  return useContactsQuery(() => {
    const read = early ?? firstContacts(FIRST_PAGE_SIZE);
    early = undefined;
    stopWatching?.();
    return read;
  }, []);
}
