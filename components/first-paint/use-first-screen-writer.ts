/**
 * Keeps the first-screen snapshot (storage/first-screen.ts) fresh from an open page: written once the page's live
 * data is read, then after every change to the contacts, whichever context made it (this page, another page, the
 * background's save or sync, the import worker), since Dexie tells every context of the extension.
 */
import { useEffect } from 'react';
import { firstContacts } from '../../storage/contacts';
import { pipelineCounts } from '../../storage/contact-list';
import { writeFirstScreen } from '../../storage/first-screen';
import { useContactsVersion } from '../use-contacts-query';

/** `ready`: the page's own first read has answered (the snapshot's read waits for it rather than compete). */
export function useFirstScreenWriter(ready = true): void {
  const version = useContactsVersion();
  useEffect(() => {
    if (!ready) return;
    // A failed write leaves no snapshot, and the next open paints from the database as before.
    writeFirstScreen(firstContacts, pipelineCounts).catch(() => undefined);
  }, [version, ready]);
}
