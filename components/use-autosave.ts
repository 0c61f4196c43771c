/**
 * Autosave for every editable field (contact fields, notes, tags, where met, settings, templates): one mechanism so
 * that nothing typed is lost. Writes are debounced while typing and flushed at once when the page is hidden or closed
 * (`pagehide`, `visibilitychange`) or the field unmounts, because closing a panel fires no blur.
 *
 * Edits in two places: a stored value that changes elsewhere (another window, a re-capture) while this field holds
 * unsaved typing does not replace it. The hook reports it as `elsewhere` and pauses the debounced write until the user
 * chooses `keepMine` or `takeTheirs`. Our own write coming back through the live query is recognised and ignored.
 *
 * A write started as the page closes may die with it (IndexedDB aborts what has not committed). With a `journal`
 * key, each write is first noted in localStorage, which is synchronous and outlives the page, and the note is removed
 * once the write is done. A note left behind is taken up the next time the field is shown: written if the stored
 * value is still the one it replaced, shown as a change made elsewhere if not.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { localStore } from '../storage/local-store';

export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

export interface AutosaveOptions<T> {
  /** The stored value, as the live query currently reads it. */
  value: T;
  save(value: T): Promise<unknown>;
  /** Returns an error message for a value that must not be written. */
  validate?(value: T): string | undefined;
  /** Same value for saving purposes (a text field ignores surrounding spaces). */
  equals?(a: T, b: T): boolean;
  /** A key naming this field for the close-time journal (e.g. `contact:<id>:notes`); values must be JSON. */
  journal?: string;
  /** Milliseconds of quiet typing before a write; null writes only on blur, hide, close (a half-typed tag is no tag). */
  delay?: number | null;
}

export interface Autosave<T> {
  draft: T;
  /** A new value, or a change of the latest one (several fields of a form changed at once). */
  edit(next: T | ((current: T) => T)): void;
  /** Writes now whatever is not yet written (on blur, on Enter). */
  flush(): void;
  status: SaveStatus;
  error?: string;
  /** The value stored elsewhere while this field was being edited; undefined when there is no conflict. */
  elsewhere?: { value: T };
  keepMine(): void;
  takeTheirs(): void;
}

export const AUTOSAVE_DELAY = 600;

const JOURNAL_PREFIX = 'rapport:autosave:';

interface JournalNote<T> {
  draft: T;
  base: T;
}

function readNote<T>(key: string | undefined): JournalNote<T> | undefined {
  if (!key) return undefined;
  try {
    const raw = localStore()?.getItem(JOURNAL_PREFIX + key);
    const note = raw ? (JSON.parse(raw) as Partial<JournalNote<T>>) : undefined;
    return note && 'draft' in note && 'base' in note ? (note as JournalNote<T>) : undefined;
  } catch {
    return undefined;
  }
}

function writeNote<T>(key: string | undefined, note: JournalNote<T> | undefined): void {
  if (!key) return;
  try {
    if (note) localStore()?.setItem(JOURNAL_PREFIX + key, JSON.stringify(note));
    else localStore()?.removeItem(JOURNAL_PREFIX + key);
  } catch {
    // A full or unavailable localStorage only loses the safety net, never the write itself.
  }
}

export function useAutosave<T>({ value, save, validate, equals = Object.is, delay = AUTOSAVE_DELAY, journal }: AutosaveOptions<T>): Autosave<T> {
  // A note left by a write the last page did not live to finish (read once, on mount).
  const [left] = useState(() => {
    const note = readNote<T>(journal);
    if (note && equals(note.draft, value)) writeNote(journal, undefined);
    return note && !equals(note.draft, value) ? { note, conflict: !equals(note.base, value) } : undefined;
  });
  const [draft, setDraft] = useState(left ? left.note.draft : value);
  const [status, setStatus] = useState<SaveStatus>(left ? 'pending' : 'idle');
  const [error, setError] = useState<string>();
  const [elsewhere, setElsewhere] = useState<{ value: T } | undefined>(left?.conflict ? { value } : undefined);

  // Refs hold the latest of everything, so that a flush from an event listener never sees a stale render.
  const latest = useRef({
    draft: left ? left.note.draft : value,
    base: value,
    dirty: left !== undefined,
    conflict: left?.conflict ?? false,
    save,
    validate,
    equals,
    journal,
  });
  latest.current.journal = journal;
  latest.current.save = save;
  latest.current.validate = validate;
  latest.current.equals = equals;
  /** Values this field wrote, whose echo from the database is not a change from elsewhere. */
  const written = useRef<T[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const mounted = useRef(true);

  const write = useCallback((force: boolean) => {
    clearTimeout(timer.current);
    const state = latest.current;
    if (!state.dirty || (state.conflict && !force)) return;
    const problem = state.validate?.(state.draft);
    if (problem) {
      setError(problem);
      setStatus('error');
      return;
    }
    const next = state.draft;
    state.dirty = false;
    written.current = [...written.current.slice(-4), next];
    const key = state.journal;
    writeNote(key, { draft: next, base: state.base });
    if (mounted.current) {
      setError(undefined);
      setStatus('saving');
    }
    state.save(next).then(
      () => {
        // Only this write's note: a later one, still running, keeps its own.
        const note = readNote<T>(key);
        if (note && latest.current.equals(note.draft, next)) writeNote(key, undefined);
        if (!mounted.current) return;
        if (!latest.current.dirty) setStatus('saved');
      },
      (e: Error) => {
        latest.current.dirty = true;
        if (!mounted.current) return;
        setError(e.message);
        setStatus('error');
      },
    );
  }, []);

  // A change of the stored value: our own echo, a change to follow, or a conflict with unsaved typing.
  useEffect(() => {
    const state = latest.current;
    if (state.equals(value, state.base)) return;
    const echo = written.current.some((w) => state.equals(w, value));
    state.base = value;
    if (echo) return;
    if (state.dirty || state.conflict) {
      if (state.equals(value, state.draft)) {
        state.dirty = false;
        state.conflict = false;
        setElsewhere(undefined);
        return;
      }
      state.conflict = true;
      clearTimeout(timer.current);
      setElsewhere({ value });
      return;
    }
    state.draft = value;
    setDraft(value);
  }, [value]);

  const edit = useCallback(
    (change: T | ((current: T) => T)) => {
      const state = latest.current;
      const next = typeof change === 'function' ? (change as (current: T) => T)(state.draft) : change;
      state.draft = next;
      state.dirty = !state.equals(next, state.base) || state.conflict;
      setDraft(next);
      setStatus(state.dirty ? 'pending' : 'idle');
      clearTimeout(timer.current);
      if (state.dirty && delay !== null) timer.current = setTimeout(() => write(false), delay);
    },
    [delay, write],
  );

  const keepMine = useCallback(() => {
    latest.current.conflict = false;
    latest.current.dirty = true;
    setElsewhere(undefined);
    write(true);
  }, [write]);

  const takeTheirs = useCallback(() => {
    const state = latest.current;
    state.conflict = false;
    state.dirty = false;
    state.draft = state.base;
    writeNote(state.journal, undefined);
    setDraft(state.base);
    setElsewhere(undefined);
    setStatus('idle');
  }, []);

  // Closing or hiding the page fires no blur: write now. On close the typist's latest text wins over a conflict,
  // since it is the last thing the user did; the other window then shows the change.
  useEffect(() => {
    mounted.current = true;
    // A note the last page left: write it now, unless the stored value changed since (then the user chooses).
    if (latest.current.dirty && !latest.current.conflict) timer.current = setTimeout(() => write(false), 0);
    const now = () => write(true);
    const hidden = () => document.visibilityState === 'hidden' && write(true);
    window.addEventListener('pagehide', now);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('pagehide', now);
      document.removeEventListener('visibilitychange', hidden);
      write(true);
      mounted.current = false;
    };
  }, [write]);

  return { draft, edit, flush: () => write(false), status, error, elsewhere, keepMine, takeTheirs };
}
