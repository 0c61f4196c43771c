/** The badge's number for the interface: how many things are due now, live (storage/due.ts counts them). */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { countDueItems } from '../../storage/due';
import { POPUP_SCREEN, readGen } from '../../storage/first-screen';
import { useReadAgain, useReportRead } from '../first-paint/popup-reads';

/** The number of follow-ups and interview thank-yous due now, live; re-evaluated every minute as time passes. */
export function useDueCount(): number | undefined {
  const [minute, setMinute] = useState(() => Math.floor(Date.now() / 60_000));
  useEffect(() => {
    const timer = setInterval(() => setMinute(Math.floor(Date.now() / 60_000)), 60_000);
    return () => clearInterval(timer);
  }, []);
  const again = useReadAgain('due-count');
  const read = useLiveQuery(() => {
    // The popup's snapshot shows this count: the data version as the read begins (components/first-paint/popup-reads).
    const gen = readGen(POPUP_SCREEN);
    return countDueItems(Date.now()).then((count) => ({ count, gen }));
  }, [minute, again]);
  useReportRead('due-count', read);
  return read?.count;
}
