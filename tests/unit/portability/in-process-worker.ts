/** A Worker for the page's client whose other side is an import session in this process (the import tests share it). */
import type { ImportWorkerEvent, ImportWorkerRequest } from '../../../messages/import-worker';
import type { WorkerLike } from '../../../import-worker/import-client';
import { createImportSession } from '../../../import-worker/import-session';

/**
 * A Worker whose other side is a session in this process; events are copied
 * as postMessage copies them, and arrive as tasks of their own.
 */
export function inProcessWorker(post?: (event: ImportWorkerEvent, deliver: (data: unknown) => void) => void) {
  const listeners: Record<string, ((event: Event) => void)[]> = {};
  const received: ImportWorkerRequest[] = [];
  let terminated = false;
  const deliver = (data: unknown) =>
    setTimeout(() => {
      if (!terminated) for (const listener of listeners.message ?? []) listener(new MessageEvent('message', { data: structuredClone(data) }));
    });
  const session = createImportSession((event) => (post ? post(event, deliver) : deliver(event)));
  const worker: WorkerLike = {
    postMessage(message) {
      if (terminated) return;
      received.push(message as ImportWorkerRequest);
      void session.receive(message);
    },
    terminate: () => {
      terminated = true;
    },
    addEventListener(type, listener) {
      (listeners[type] ??= []).push(listener);
    },
  };
  return {
    worker,
    received,
    terminated: () => terminated,
    fire: (type: string) => {
      for (const listener of listeners[type] ?? []) listener(new Event(type));
    },
  };
}
