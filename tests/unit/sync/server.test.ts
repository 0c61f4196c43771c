// @vitest-environment node
/**
 * Against a real CouchDB-protocol server (pouchdb-server on a free loopback
 * port): the connection test tells each failure apart, a wrong passphrase
 * writes nothing, and two devices converge through HTTP replication while the
 * server's documents hold no name, note or e-mail.
 */
import 'fake-indexeddb/auto';
import './node-globals';
import Dexie from 'dexie';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, SyncConnectError } from '../../../background/sync-remote';
import { syncRound } from '../../../background/sync-engine';
import { openDatabase } from '../../../storage/db';
import { Contact } from '../../../model/schemas';
import { startTracking } from '../../../storage/sync-state';
import { SyncSetup } from '../../../sync/config';
import { ADMIN, startServer, type TestServer } from '../../support/pouchdb-server';
import { PouchDB, memoryPouch } from './pouch';

const FAST = 1_000;
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
}, 60_000);
afterAll(() => server?.stop());

const setup = (overrides: Partial<SyncSetup> = {}) =>
  SyncSetup.parse({ server: server.url, database: `rapport-${Math.random().toString(36).slice(2)}`, ...ADMIN, passphrase: 'plum orchard seventeen', ...overrides });

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return error instanceof SyncConnectError ? error.failure : `unexpected: ${String(error)}`;
  }
  return 'no failure';
}

describe('connecting to the sync server', () => {
  it('says the server is unreachable when nothing listens', async () => {
    const closed = await new Promise<number>((done) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const port = (s.address() as { port: number }).port;
        s.close(() => done(port));
      });
    });
    expect(await failure(connect(setup({ server: `http://127.0.0.1:${closed}` }), fetch, FAST))).toBe('unreachable');
  });

  it('says a web server that is not CouchDB is not one', async () => {
    const other: Server = createServer((_, res) => res.end('<html>hello</html>'));
    await new Promise<void>((done) => other.listen(0, '127.0.0.1', done));
    const port = (other.address() as { port: number }).port;
    expect(await failure(connect(setup({ server: `http://127.0.0.1:${port}` }), fetch, FAST))).toBe('not-couchdb');
    await new Promise((done) => other.close(done));
  });

  it('says the credentials are wrong', async () => {
    expect(await failure(connect(setup({ password: 'not-the-password' }), fetch, FAST))).toBe('credentials');
  });

  it('sets a new database up, then accepts the passphrase and refuses a wrong one without writing', async () => {
    const first = setup();
    await connect(first, fetch, FAST);
    const docs = (await server.admin(`/${first.database}/_all_docs`)) as { total_rows: number; rows: { id: string }[] };
    expect(docs.rows.map((r) => r.id).sort()).toEqual(['rapport-keycheck', 'rapport-salt']);
    await expect(connect(first, fetch, FAST)).resolves.toBeDefined();
    expect(await failure(connect({ ...first, passphrase: 'another passphrase entirely' }, fetch, FAST))).toBe('passphrase');
    expect(await server.admin(`/${first.database}/_all_docs`)).toEqual(docs);
  });
});

describe('two devices through the server', () => {
  it('converge, and the server never sees a name, a note or an e-mail', async () => {
    const config = setup();
    const keys = await connect(config, fetch, FAST);
    const remoteUrl = `${config.server}/${config.database}`;
    const devices = await Promise.all(
      ['A', 'B'].map(async (name) => {
        const db = openDatabase(`rapport-server-${name}-${Math.random()}`);
        await startTracking(db, name);
        const replica = memoryPouch(`replica-${name}`);
        const remote = new PouchDB(remoteUrl, { auth: ADMIN, skip_setup: true });
        return { db, replica, remote, ctx: { db, replica, keys, device: name } };
      }),
    );
    const [a, b] = devices as [(typeof devices)[0], (typeof devices)[0]];
    const round = async (dev: typeof a) => {
      await syncRound(dev.ctx);
      await dev.replica.sync(dev.remote);
      await syncRound(dev.ctx);
    };
    const now = Date.now();
    await a.db.contacts.put(Contact.parse({ id: 'c1', source: 'manual', fullName: 'Zainab Okafor', email: 'zainab.okafor@example.org', notes: 'Talked about the sub-internship', createdAt: now, updatedAt: now }));
    await round(a);
    await round(b);
    expect(await b.db.contacts.get('c1')).toEqual(await a.db.contacts.get('c1'));
    await b.db.contacts.put(Contact.parse({ ...(await b.db.contacts.get('c1')), title: 'Associate Program Director', updatedAt: now + 1 }));
    await round(b);
    await round(a);
    expect((await a.db.contacts.get('c1'))?.title).toBe('Associate Program Director');

    const raw = JSON.stringify(await server.admin(`/${config.database}/_all_docs?include_docs=true`));
    expect(raw).toContain('"ct"');
    expect(raw).not.toMatch(/Zainab|Okafor|example\.org|sub-internship|Associate Program Director|fullName|contacts/);
    for (const dev of devices) {
      dev.db.close();
      await Dexie.delete(dev.db.name);
    }
  }, 60_000);
});
