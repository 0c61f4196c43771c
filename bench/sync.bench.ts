/**
 * Sync at the scale of a large network, through a real CouchDB-protocol
 * server (pouchdb-server on a free loopback port): the first sync of 10,000
 * contacts from one device to a second, and the time for one edit to reach
 * the other device while both replicate continuously.
 *
 * Runs in plain Node (`npx tsx bench/sync.bench.ts`): each "device" is a Dexie
 * database over fake-indexeddb with an in-memory PouchDB replica, the real
 * engine, merge and encryption (PBKDF2 at the production iteration count, once).
 * Not two Chromium profiles: see the README's sync section for why.
 */
import 'fake-indexeddb/auto';
import '../tests/unit/sync/node-globals';
import { performance } from 'node:perf_hooks';
import { syncRound, type SyncContext } from '../background/sync-engine';
import { connect } from '../background/sync-remote';
import { openDatabase } from '../storage/db';
import { Contact } from '../storage/schemas';
import { startTracking } from '../storage/sync-state';
import { SyncSetup } from '../sync/config';
import { ADMIN, startServer } from '../tests/support/pouchdb-server';
import { PouchDB, memoryPouch } from '../tests/unit/sync/pouch';
import { report } from './report';

const N = Number(process.env.SYNC_BENCH_N ?? 10_000);

async function main(): Promise<void> {
  const server = await startServer();
  try {
    const setup = SyncSetup.parse({ server: server.url, database: 'rapport-bench', ...ADMIN, passphrase: 'a long benchmark passphrase' });
    const keys = await connect(setup);
    const remoteUrl = `${setup.server}/${setup.database}`;
    const device = async (name: string) => {
      const db = openDatabase(`bench-${name}`);
      await startTracking(db, name);
      const replica = memoryPouch(`bench-replica-${name}`);
      const remote = new PouchDB(remoteUrl, { auth: ADMIN, skip_setup: true });
      const ctx: SyncContext = { db, replica, keys, device: name };
      return { db, replica, remote, ctx };
    };
    const a = await device('A');
    const b = await device('B');

    const now = Date.now();
    const contacts = Array.from({ length: N }, (_, i) =>
      Contact.parse({
        id: `c${i}`,
        source: 'import',
        fullName: `Person ${i} Müller`,
        organization: `Hospital ${i % 50}`,
        title: 'Resident Physician',
        email: `person${i}@example.org`,
        notes: 'Met at the regional meeting; asked about research electives.',
        tags: ['IM', `cohort-${i % 7}`],
        createdAt: now,
        updatedAt: now,
      }),
    );
    await a.db.contacts.bulkPut(contacts);

    const start = performance.now();
    const step = (label: string) => process.env.SYNC_BENCH_TRACE && console.error(label, Math.round(performance.now() - start));
    await syncRound(a.ctx);
    step('A round');
    await a.replica.replicate.to(a.remote, { batch_size: 250 });
    step('A to server');
    await b.replica.replicate.from(b.remote, { batch_size: 250 });
    step('server to B');
    await syncRound(b.ctx);
    step('B round');
    const firstSync = performance.now() - start;
    const received = await b.db.contacts.count();
    if (received !== N) throw new Error(`device B has ${received} of ${N} contacts`);
    report({ name: N === 10_000 ? 'sync.first_sync_10k_ms' : `sync.first_sync_${N}_ms`, value: firstSync, unit: 'ms', target: 60_000 });

    // Both devices replicate continuously, as while their side panels are open.
    const liveA = a.replica.sync(a.remote, { live: true, retry: true });
    const liveB = b.replica.sync(b.remote, { live: true, retry: true });
    let roundB: Promise<unknown> = Promise.resolve();
    liveB.on('change', (info) => {
      if (info.direction === 'pull') roundB = roundB.then(() => syncRound(b.ctx));
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const samples: number[] = [];
    for (let i = 0; i < 5; i++) {
      const title = `Chief Resident ${i}`;
      const t0 = performance.now();
      await a.db.contacts.update(`c${i}`, { title, updatedAt: Date.now() });
      await syncRound(a.ctx);
      for (;;) {
        if ((await b.db.contacts.get(`c${i}`))?.title === title) break;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      samples.push(performance.now() - t0);
    }
    liveA.cancel();
    liveB.cancel();
    samples.sort((x, y) => x - y);
    report({ name: 'sync.edit_reaches_other_device.median_ms', value: samples[Math.floor(samples.length / 2)]!, unit: 'ms', target: 2_000 });
  } finally {
    await server.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
