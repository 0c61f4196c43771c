/**
 * Everyone's ids in name order, read a page at a time as the list is
 * scrolled (storage/contact-list.ts idsByNamePage): the first page is all an
 * opened list waits for, whatever the number of contacts. Read again from the
 * start, as far as the user had scrolled, when the contacts change.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { idsByNamePage, type NameCursor } from '../../storage/contact-list';
import { useContactsVersion } from '../use-contacts-query';

/** Ids read per page: many screenfuls, so that scrolling rarely waits. */
export const ID_PAGE = 1_000;

export interface PagedIds {
  /** The ids read so far, in name order; undefined until the first page answers. */
  ids?: readonly string[];
  /** True once the last page is read. */
  done: boolean;
  /** Asks for the ids up to `index` (a row the list is about to show). */
  reach(index: number): void;
}

export function usePagedIds(enabled: boolean): PagedIds {
  const version = useContactsVersion();
  const [state, setState] = useState<{ ids: string[]; done: boolean }>();
  // What is read and asked for, outside React's state: a page on its way is not asked twice.
  const reading = useRef({ next: undefined as NameCursor | undefined, busy: false, wanted: ID_PAGE, round: 0 });

  useEffect(() => {
    if (!enabled) return;
    const r = reading.current;
    const round = ++r.round;
    r.busy = true;
    void idsByNamePage(r.wanted).then((page) => {
      if (round !== r.round) return;
      r.busy = false;
      r.next = page.next;
      setState({ ids: page.ids, done: !page.next });
    });
  }, [enabled, version]);

  const loaded = state?.ids.length ?? 0;
  const reach = useCallback(
    (index: number) => {
      const r = reading.current;
      r.wanted = Math.max(r.wanted, index + ID_PAGE);
      if (r.busy || !r.next || index < loaded - ID_PAGE / 4) return;
      r.busy = true;
      const round = r.round;
      void idsByNamePage(r.wanted - loaded, r.next).then((page) => {
        if (round !== r.round) return;
        r.busy = false;
        r.next = page.next;
        setState((prev) => ({ ids: [...(prev?.ids ?? []), ...page.ids], done: !page.next }));
      });
    },
    [loaded],
  );
  return { ids: state?.ids, done: state?.done ?? false, reach };
}
