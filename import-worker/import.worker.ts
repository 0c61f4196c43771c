/**
 * The import worker: a dedicated module worker the import wizard starts for a
 * contact import, so that reading, checking and writing 100,000 rows never
 * holds the side panel's main thread (RELIABILITY L3). All the work is in
 * ./import-session.ts; messages are checked there against
 * messages/import-worker.ts. No extension APIs here: only IndexedDB (Dexie),
 * which this worker shares with the extension's pages.
 */
import { createImportSession } from './import-session';

/** The part of a dedicated worker's global scope used here (the project's types are the DOM's). */
const scope = self as unknown as {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
};
const session = createImportSession((event) => scope.postMessage(event));
scope.addEventListener('message', (event) => void session.receive(event.data));
