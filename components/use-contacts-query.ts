import Dexie from 'dexie';
import { useEffect, useRef, useState, type DependencyList } from 'react';
import { DB_NAME } from '../storage/db';

/** Every change to the contacts table names a part under this prefix (Dexie's observability). */
const CONTACTS_PART = `idb://${DB_NAME}/contacts/`;
/** A burst of writes (an import, a bulk edit) asks the list's questions once, not once per write. */
const COALESCE_MS = 50;

/** Calls `listener` after each change to the contacts, in this page or any other of the extension's contexts. */
export function onContactsChange(listener: () => void): () => void {
  const onChange = (parts: Record<string, unknown>) => {
    if ('all' in parts || Object.keys(parts).some((part) => part.startsWith(CONTACTS_PART))) listener();
  };
  Dexie.on('storagemutated', onChange);
  return () => Dexie.on('storagemutated').unsubscribe(onChange);
}

/** A number that grows whenever the contacts change, in this page or any other of the extension's contexts. */
export function useContactsVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = onContactsChange(() => {
      timer ??= setTimeout(() => {
        timer = undefined;
        setVersion((v) => v + 1);
      }, COALESCE_MS);
    });
    return () => {
      stop();
      if (timer) clearTimeout(timer);
    };
  }, []);
  return version;
}

/**
 * The answer to a question about the contacts, asked again when `deps` or
 * the contacts change; the previous answer stays on screen meanwhile.
 *
 * Not useLiveQuery, for the questions that read the keys of a whole index:
 * a live query records every key it reads to know which writes concern it,
 * which for 100,000 keys costs seconds. Any change to the contacts asks these
 * again instead: a keys-only read is cheap, and the table changes seldom.
 * `initial`: an answer already read for the first `deps` (drawn by the first render, not asked again).
 */
export function useContactsQuery<T>(ask: () => Promise<T>, deps: DependencyList, enabled = true, initial?: T): T | undefined {
  const version = useContactsVersion();
  const [state, setState] = useState<{ answer?: T; error?: unknown }>(() => ({ answer: initial }));
  // What the current answer was asked with: turned off and on again with nothing changed, it is not asked again.
  // An `initial` answer (already read) stands for the first inputs: they are not asked again.
  const asked = useRef<DependencyList | undefined>(initial === undefined ? undefined : [...deps, version]);
  useEffect(() => {
    if (!enabled) return;
    const inputs = [...deps, version];
    if (asked.current && asked.current.length === inputs.length && asked.current.every((value, i) => Object.is(value, inputs[i]))) return;
    asked.current = inputs;
    let current = true;
    let answered = false;
    ask().then(
      (answer) => {
        answered = true;
        if (current) setState({ answer });
      },
      (error: unknown) => current && setState({ error }),
    );
    return () => {
      current = false;
      // Interrupted before its answer: ask again next time.
      if (!answered && asked.current === inputs) asked.current = undefined;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, version, enabled]);
  // As useLiveQuery does: a failed read reaches the nearest error boundary.
  if (state.error) throw state.error;
  return state.answer;
}
