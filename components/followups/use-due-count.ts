/** The badge's number for the interface: how many things are due now, live (storage/due.ts counts them). */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { countDueItems } from '../../storage/due';

/** The number of follow-ups and interview thank-yous due now, live; re-evaluated every minute as time passes. */
export function useDueCount(): number | undefined {
  const [minute, setMinute] = useState(() => Math.floor(Date.now() / 60_000));
  useEffect(() => {
    const timer = setInterval(() => setMinute(Math.floor(Date.now() / 60_000)), 60_000);
    return () => clearInterval(timer);
  }, []);
  return useLiveQuery(() => countDueItems(Date.now()), [minute]);
}
