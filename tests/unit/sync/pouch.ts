/** PouchDB for unit tests: pouchdb-browser (the build the extension ships) over fake-indexeddb, and in-memory "servers". */
import PouchDB from 'pouchdb-browser';
import Memory from 'pouchdb-adapter-memory';

PouchDB.plugin(Memory);

let counter = 0;

export function memoryPouch(prefix: string) {
  return new PouchDB(`${prefix}-${++counter}-${Date.now()}`, { adapter: 'memory' });
}

export { PouchDB };
