// The side panel's first page of contacts: read before React renders, drawn by its first render, then kept live.
import { useState } from 'react';
import { firstContacts } from '../../storage/contacts';
import { FIRST_PAGE_SIZE, listedOf, type FirstScreen, type ListedContact, type PipelineCounts } from '../../contacts/first-screen';
import { SCHEMA_VERSION } from '../../storage/db';
import { readGen } from '../../storage/first-screen';
import type { RawFirstPage } from '../../storage/first-page-read';
import { onContactsChange, useContactsQuery } from '../use-contacts-query';

export { FIRST_PAGE_SIZE };

let early: Promise<readonly ListedContact[]> | undefined;
/** The first page already read (by the page's entry, storage/first-page-read.ts): React's first render draws it live. */
let ready: readonly ListedContact[] | undefined;
let stopWatching: (() => void) | undefined;
/** The snapshot's rows, when the page painted them before React (components/first-paint/). */
let painted: ListedContact[] | undefined;
/** The snapshot's pipeline counts, drawn by the strip until the live counts answer (the same numbers: nothing moves). */
let paintedPipeline: { counts: PipelineCounts; gen: number } | undefined;

/**
 * Starts reading the first page as soon as the side panel's script runs,
 * so that the database opens and answers while React renders (RELIABILITY L1).
 * `screen`: the snapshot already on screen, which React's first render draws again until the read answers.
 * `raw`: the first page the entry read before Dexie loaded, taken as the live answer when it read the version of
 * the database this build opens and no page has written since (a write in another context after it is seen by the
 * list's own reads, which follow at once).
 */
export function startFirstPage(screen?: FirstScreen, raw?: RawFirstPage): void {
  painted = screen?.rows.map(listedOf);
  paintedPipeline = screen?.pipeline && { counts: screen.pipeline, gen: screen.gen };
  const current = raw && Math.floor(raw.version / 10) === SCHEMA_VERSION && raw.gen === readGen() ? raw : undefined;
  ready = current?.rows;
  early = ready ? undefined : firstContacts(FIRST_PAGE_SIZE);
  // A failure is seen (and shown) by the hook that takes this read over.
  early?.catch(() => undefined);
  // A write before the hook takes the read over makes it stale: the hook then reads afresh.
  stopWatching = onContactsChange(() => {
    early = undefined;
    ready = undefined;
    stopWatching?.();
  });
}

/**
 * The first page: the entry's read (drawn live by React's first render) or the early read's answer, once; then a
 * fresh read whenever the contacts change. Until the first answer, the painted snapshot's rows (`live` false), so
 * that React's first render draws what is already on screen.
 */
export function useFirstPage(): { rows: readonly ListedContact[] | undefined; live: boolean; pipeline?: PipelineCounts } {
  const [initial] = useState(() => {
    const rows = ready;
    ready = undefined;
    if (rows) stopWatching?.();
    return rows;
  });
  const read = useContactsQuery(
    () => {
      const answer = early ?? firstContacts(FIRST_PAGE_SIZE);
      early = undefined;
      stopWatching?.();
      return answer;
    },
    [],
    true,
    initial,
  );
  // The painted counts only while nothing has been written since (a list shown again later waits for its own count).
  const pipeline = paintedPipeline && paintedPipeline.gen === readGen() ? paintedPipeline.counts : undefined;
  return read ? { rows: read, live: true, pipeline } : { rows: painted, live: false, pipeline };
}
