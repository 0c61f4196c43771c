// pouchdb-browser expects a browser global scope; under Node the global object stands in for it.
(globalThis as { self?: unknown }).self ??= globalThis;
