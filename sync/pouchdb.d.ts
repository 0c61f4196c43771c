/**
 * Type declarations for the part of PouchDB that Rapport uses (the packages ship none,
 * and @types/pouchdb lags behind version 9). Kept to what background/sync*.ts and the tests call.
 */
declare module 'pouchdb-browser' {
  import type { PouchLike } from '../background/sync-engine';

  namespace PouchDB {
    interface Options {
      adapter?: string;
      auth?: { username: string; password: string };
      skip_setup?: boolean;
      fetch?: (url: string | Request, init?: RequestInit) => Promise<Response>;
    }
    interface ReplicationOptions {
      live?: boolean;
      retry?: boolean;
      batch_size?: number;
      batches_limit?: number;
      back_off_function?: (delay: number) => number;
    }
    interface ReplicationInfo {
      docs_written?: number;
      docs_read?: number;
      direction?: 'push' | 'pull';
      change?: { docs_written?: number };
    }
    interface Replication extends PromiseLike<unknown> {
      cancel(): void;
      on(event: 'change', listener: (info: ReplicationInfo) => void): this;
      on(event: 'paused' | 'active' | 'complete' | 'denied', listener: (info?: unknown) => void): this;
      on(event: 'error', listener: (error: unknown) => void): this;
      catch(handler: (error: unknown) => unknown): Promise<unknown>;
    }
    interface Database extends PouchLike {
      readonly name: string;
      info(): Promise<{ db_name: string; doc_count: number; update_seq: number | string }>;
      destroy(): Promise<unknown>;
      close(): Promise<unknown>;
      allDocs(options: { include_docs?: boolean; conflicts?: boolean; keys?: string[] }): Promise<{
        rows: { key: string; id?: string; value?: { rev: string; deleted?: boolean }; doc?: import('../background/sync-engine').PouchDoc | null; error?: string }[];
      }>;
      replicate: {
        to(target: Database | string, options?: ReplicationOptions): Replication;
        from(source: Database | string, options?: ReplicationOptions): Replication;
      };
      sync(remote: Database | string, options?: ReplicationOptions): Replication;
    }
  }
  interface PouchDBStatic {
    new (name: string, options?: PouchDB.Options): PouchDB.Database;
    plugin(plugin: unknown): PouchDBStatic;
    replicate(source: PouchDB.Database | string, target: PouchDB.Database | string, options?: PouchDB.ReplicationOptions): PouchDB.Replication;
    sync(a: PouchDB.Database | string, b: PouchDB.Database | string, options?: PouchDB.ReplicationOptions): PouchDB.Replication;
  }
  const PouchDB: PouchDBStatic;
  export default PouchDB;
}

declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}

declare module 'pouchdb-adapter-indexeddb' {
  const plugin: unknown;
  export default plugin;
}
