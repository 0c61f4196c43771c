import { firstContacts } from '../../storage/contacts';
import { listedOf, type FirstScreen, type ListedContact, type PipelineCounts } from '../../contacts/first-screen';
import type { Contact } from '../../model/schemas';
import { readGen } from '../../storage/first-screen';
import { onContactsChange, useContactsQuery } from '../use-contacts-query';

/** Contacts in the first page, painted before the whole list is read. */
export const FIRST_PAGE_SIZE = 60;

let early: Promise<Contact[]> | undefined;
let stopWatching: (() => void) | undefined;
/** The snapshot's rows, when the page painted them before React (components/first-paint/). */
let painted: ListedContact[] | undefined;
/** The snapshot's pipeline counts, drawn by the strip until the live counts answer (the same numbers: nothing moves). */
let paintedPipeline: { counts: PipelineCounts; gen: number } | undefined;

/**
 * Starts reading the first page as soon as the side panel's script runs,
 * so that the database opens and answers while React renders (RELIABILITY L1).
 * `screen`: the snapshot already on screen, which React's first render draws again until the read answers.
 */
export function startFirstPage(screen?: FirstScreen): void {
  painted = screen?.rows.map(listedOf);
  paintedPipeline = screen?.pipeline && { counts: screen.pipeline, gen: screen.gen };
  early = firstContacts(FIRST_PAGE_SIZE);
  // A failure is seen (and shown) by the hook that takes this read over.
  early.catch(() => undefined);
  // A write before the hook takes the read over makes it stale: the hook then reads afresh.
  stopWatching = onContactsChange(() => {
    early = undefined;
    stopWatching?.();
  });
}

/**
 * The first page: the early read's answer once, then a fresh read whenever the contacts change; until the first
 * answer, the painted snapshot's rows (`live` false), so that React's first render draws what is already on screen.
 */
export function useFirstPage(): { rows: readonly ListedContact[] | undefined; live: boolean; pipeline?: PipelineCounts } {
  const read = useContactsQuery(() => {
    const answer = early ?? firstContacts(FIRST_PAGE_SIZE);
    early = undefined;
    stopWatching?.();
    return answer;
  }, []);
  // The painted counts only while nothing has been written since (a list shown again later waits for its own count).
  const pipeline = paintedPipeline && paintedPipeline.gen === readGen() ? paintedPipeline.counts : undefined;
  return read ? { rows: read, live: true, pipeline } : { rows: painted, live: false, pipeline };
}
