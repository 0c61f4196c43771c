/**
 * The one way a view writes: run the write through storage/, show its error where the view shows errors, and tell
 * the background that data changed (it recounts the badge and reschedules alarms from the database). Views no longer
 * each copy that wrapper, nor remember the notification.
 */
import { useCallback, useState } from 'react';
import { notifyDataChanged } from '../messages';

export interface Write {
  /** The last write's error message, until the next write starts. */
  error: string | undefined;
  /** Shows a message of the view's own (a field that does not validate) where write errors show. */
  setError(message: string | undefined): void;
  /** Runs `write`; resolves to whether it succeeded (its error is in `error` otherwise). Never rejects. */
  run(write: () => Promise<unknown>): Promise<boolean>;
}

export function useWrite(): Write {
  const [error, setError] = useState<string>();
  const run = useCallback(async (write: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await write();
      await notifyDataChanged();
      return true;
    } catch (e) {
      setError((e as Error).message);
      return false;
    }
  }, []);
  return { error, setError, run };
}

/** What a view that reports its writes in one line shows: the write's own message, or its error. */
export interface WriteStatus {
  text: string;
  error?: boolean;
}

/**
 * The same for a view that says what each write did: `write` resolves to the line to show (or nothing), an error
 * shows in its place.
 */
export function useWriteStatus(): {
  status: WriteStatus | undefined;
  setStatus(status: WriteStatus | undefined): void;
  run(write: () => Promise<string | void>): Promise<boolean>;
} {
  const [status, setStatus] = useState<WriteStatus>();
  const run = useCallback(async (write: () => Promise<string | void>) => {
    setStatus(undefined);
    try {
      const text = await write();
      if (text) setStatus({ text });
      await notifyDataChanged();
      return true;
    } catch (e) {
      setStatus({ text: (e as Error).message, error: true });
      return false;
    }
  }, []);
  return { status, setStatus, run };
}

/**
 * A write made outside a view's `run` (a form that shows its own outcome) that still tells the background;
 * resolves to the write's result. Errors reach the caller, which shows them its own way.
 */
export async function writeThenNotify<R>(write: () => Promise<R>): Promise<R> {
  const result = await write();
  await notifyDataChanged();
  return result;
}

/** The same as a callback (an Undo toast's undo, a field saving itself): `undo: afterWrite(undo)`. */
export function afterWrite<T extends unknown[]>(write: (...args: T) => Promise<unknown>): (...args: T) => Promise<void> {
  return async (...args: T) => {
    await writeThenNotify(() => write(...args));
  };
}
