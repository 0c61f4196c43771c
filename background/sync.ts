/**
 * The sync service in the background (Chrome's service worker, Firefox's
 * background page): off until the user turns it on in Settings › Sync.
 *
 * While on, a local PouchDB replica replicates with the user's CouchDB server:
 * continuously while a Rapport page is open (it holds a `sync-live` port), and
 * on an alarm otherwise. background/sync-engine.ts moves records between
 * Dexie and the replica. PouchDB is loaded only here and only when sync runs
 * (`import()`), so it adds nothing to the content scripts or the side panel.
 *
 * What is kept (in the syncMeta table): the server, database and account, and
 * the two derived keys as non-extractable CryptoKeys. The passphrase itself is
 * never stored. Turning sync off deletes all of it and the replica.
 */
import { liveQuery, type Subscription } from 'dexie';
import { browser, type Browser } from 'wxt/browser';
import { db } from '../storage/db';
import { newId } from '../model/ids';
import { countPending, getSyncMeta, setSyncMeta, startTracking, stopTracking } from '../storage/sync-state';
import { originPattern, SyncSetup, type SyncFailure } from '../sync/config';
import type { SyncKeys } from '../sync/crypto';
import type { SyncError, SyncStatus } from '../messages/sync';
import { syncRound, type RoundResult, type SyncContext } from './sync-engine';
import { backOff, retrying } from './sync-retry';
import { destroyReplicas, markReplicaCurrent, openReplica } from './sync-replica';
import { connect, databaseUrl, deleteServerCopy, SyncConnectError } from './sync-remote';

export const SYNC_ALARM = 'rapport-sync';
/** Minutes between background rounds when no Rapport page is open. */
const ALARM_MINUTES = 5;
/** Documents per replication request: each batch costs a checkpoint on both sides, so fewer, larger ones (measured in bench/sync.bench.ts). */
const REPLICATION = { batch_size: 1_000 };

const CONFIG_KEY = 'config';
const KEYS_KEY = 'keys';
const STATUS_KEY = 'status';

interface StoredConfig {
  server: string;
  database: string;
  username: string;
  password: string;
  device: string;
}

interface StoredStatus {
  lastSyncedAt?: number;
  lastError?: SyncError;
}

type PouchModule = typeof import('pouchdb-browser');
type Pouch = InstanceType<PouchModule['default']>;

interface Session {
  config: StoredConfig;
  replica: Pouch;
  remote: Pouch;
  ctx: SyncContext;
}

let session: Promise<Session | undefined> | undefined;
let roundRunning: Promise<void> | undefined;
let roundAgain = false;
/** A failed round is tried again while live, after a doubling wait (./sync-retry). */
const roundRetry = retrying(() => void requestRound());
let syncing = false;
let live: { cancel(): void } | undefined;
let pendingWatch: Subscription | undefined;
const livePorts = new Set<Browser.runtime.Port>();

let pouch: Promise<PouchModule['default']> | undefined;
async function loadPouch(): Promise<PouchModule['default']> {
  pouch ??= Promise.all([import('pouchdb-browser'), import('pouchdb-adapter-indexeddb')]).then(([{ default: PouchDB }, { default: adapter }]) => PouchDB.plugin(adapter));
  return pouch;
}

async function openSession(): Promise<Session | undefined> {
  const [config, keys] = await Promise.all([getSyncMeta<StoredConfig>(db, CONFIG_KEY), getSyncMeta<SyncKeys>(db, KEYS_KEY)]);
  if (!config || !keys) return undefined;
  const PouchDB = await loadPouch();
  const replica = await openReplica(PouchDB, db, config.device, REPLICATION);
  const remote = new PouchDB(databaseUrl(config), {
    skip_setup: true,
    ...(config.username || config.password ? { auth: { username: config.username, password: config.password } } : {}),
  });
  return { config, replica, remote, ctx: { db, replica, keys, device: config.device, written: new Map() } };
}

function getSession(): Promise<Session | undefined> {
  session ??= openSession().catch((error: unknown) => {
    session = undefined;
    throw error;
  });
  return session;
}

async function saveStatus(patch: StoredStatus): Promise<void> {
  const current = (await getSyncMeta<StoredStatus>(db, STATUS_KEY)) ?? {};
  await setSyncMeta(db, STATUS_KEY, { ...current, ...patch });
}

/** A replication or HTTP error as one of the failures Settings explains. */
function classify(error: unknown): SyncError {
  const at = Date.now();
  if (error instanceof SyncConnectError) return { failure: error.failure, detail: error.message, at };
  const status = (error as { status?: unknown } | null)?.status;
  const message = error instanceof Error ? error.message : String((error as { message?: unknown })?.message ?? error);
  if (status === 401 || status === 403) return { failure: 'credentials', detail: message, at };
  if (status === undefined || status === 0 || /fetch|network/i.test(message)) return { failure: 'unreachable', detail: message, at };
  return { failure: 'sync', detail: message, at };
}

function roundError(result: RoundResult): SyncError | undefined {
  if (result.unreadable > 0) {
    return { failure: 'passphrase', detail: `${result.unreadable} document(s) on the server do not open with this passphrase; they were left as they are.`, at: Date.now() };
  }
  if (result.invalid.length > 0) return { failure: 'invalid', detail: result.invalid.slice(0, 5).join('; '), at: Date.now() };
  return undefined;
}

/** Moves records between Dexie and the replica until nothing is left to do; one at a time, rounds asked meanwhile run once more. */
function requestRound(): Promise<void> {
  if (roundRunning) {
    roundAgain = true;
    return roundRunning;
  }
  roundRunning = (async () => {
    try {
      do {
        roundAgain = false;
        const current = await getSession();
        if (!current) return;
        syncing = true;
        const result = await syncRound(current.ctx);
        await saveStatus(live ? { lastError: roundError(result), ...(roundError(result) ? {} : { lastSyncedAt: Date.now() }) } : { lastError: roundError(result) });
      } while (roundAgain);
      roundRetry.succeeded();
    } catch (error) {
      await saveStatus({ lastError: classify(error) });
      // While live, nothing else may come to ask again (the records that failed are already in the replica):
      // try again after a doubling wait, as replication does.
      if (live) {
        roundRetry.failed();
      }
    } finally {
      syncing = false;
      roundRunning = undefined;
    }
  })();
  return roundRunning;
}

/** One full exchange with the server: what the alarm, "Sync now" and turning sync on run. */
export async function syncOnce(): Promise<void> {
  const current = await getSession().catch(() => undefined);
  if (!current) return;
  try {
    await requestRound();
    await current.replica.sync(current.remote, REPLICATION);
    await requestRound();
    // The round may have merged conflicts into new revisions: send them now rather than at the next alarm.
    await current.replica.replicate.to(current.remote, REPLICATION);
    const error = (await getSyncMeta<StoredStatus>(db, STATUS_KEY))?.lastError;
    await saveStatus(error && error.at > Date.now() - 1_000 ? {} : { lastSyncedAt: Date.now(), lastError: undefined });
  } catch (error) {
    await saveStatus({ lastError: classify(error) });
  }
}

async function startLive(): Promise<void> {
  if (live) return;
  const current = await getSession().catch(() => undefined);
  if (!current || live || livePorts.size === 0) return;
  const replication = current.replica.sync(current.remote, { ...REPLICATION, live: true, retry: true, back_off_function: backOff });
  replication.on('change', (info) => {
    if (info.direction === 'pull') void requestRound();
  });
  replication.on('paused', (error) => {
    if (!error) void saveStatus({ lastSyncedAt: Date.now() });
  });
  replication.on('error', (error) => void saveStatus({ lastError: classify(error) }));
  live = replication;
  // Local edits from any context (the side panel writes to Dexie itself) mark records pending: send them at once.
  pendingWatch = liveQuery(() => countPending(db)).subscribe((pending) => {
    if (pending > 0) void requestRound();
  });
  void requestRound();
}

function stopLive(): void {
  roundRetry.cancel();
  live?.cancel();
  live = undefined;
  pendingWatch?.unsubscribe();
  pendingWatch = undefined;
}

/** A Rapport page opened a `sync-live` port: replicate continuously until the last one closes. */
export function acceptLivePort(port: Browser.runtime.Port): void {
  livePorts.add(port);
  port.onDisconnect.addListener(() => {
    livePorts.delete(port);
    if (livePorts.size === 0) stopLive();
  });
  // Pages ping now and then; answering keeps a Chrome service worker awake while a page is open.
  port.onMessage.addListener(() => undefined);
  void startLive();
}

export async function syncStatus(): Promise<SyncStatus> {
  const [config, status, pending] = await Promise.all([
    getSyncMeta<StoredConfig>(db, CONFIG_KEY),
    getSyncMeta<StoredStatus>(db, STATUS_KEY),
    countPending(db),
  ]);
  const lastError = status?.lastError;
  return {
    enabled: !!config,
    server: config?.server,
    database: config?.database,
    username: config?.username || undefined,
    state: !config ? 'off' : syncing ? 'syncing' : lastError ? 'error' : 'idle',
    live: !!live,
    lastSyncedAt: status?.lastSyncedAt,
    pending,
    lastError,
  };
}

function failed(failure: SyncFailure | 'invalid', detail: string): SyncStatus {
  return { enabled: false, state: 'off', live: false, pending: 0, lastError: { failure, detail, at: Date.now() } };
}

/**
 * Turns sync on: checks the setup, that the user granted access to this one
 * server, the server, the account and the passphrase; only then stores
 * anything and starts. Any failure leaves sync off and nothing written.
 */
export async function enableSync(input: unknown): Promise<SyncStatus> {
  const parsed = SyncSetup.safeParse(input);
  if (!parsed.success) return failed('invalid', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const setup = parsed.data;
  const origin = originPattern(setup.server);
  let granted = false;
  try {
    granted = await browser.permissions.contains({ origins: [origin] });
  } catch {
    // No permissions API: nothing was granted.
  }
  if (!granted) return failed('permission', origin);
  let keys: SyncKeys;
  try {
    keys = await connect(setup);
  } catch (error) {
    return failed(error instanceof SyncConnectError ? error.failure : 'server-error', error instanceof Error ? error.message : String(error));
  }
  await disableLocal();
  const device = newId();
  await startTracking(db, device);
  const config: StoredConfig = { server: setup.server, database: setup.database, username: setup.username, password: setup.password, device };
  await setSyncMeta(db, CONFIG_KEY, config);
  await setSyncMeta(db, KEYS_KEY, keys);
  await markReplicaCurrent(db);
  await browser.alarms.create(SYNC_ALARM, { periodInMinutes: ALARM_MINUTES });
  if (livePorts.size > 0) void startLive();
  else void syncOnce();
  return syncStatus();
}

/** Stops all traffic and forgets the sync state and replica here; the records stay. */
async function disableLocal(): Promise<StoredConfig | undefined> {
  stopLive();
  await roundRunning?.catch(() => undefined);
  const current = await session?.catch(() => undefined);
  session = undefined;
  const config = await getSyncMeta<StoredConfig>(db, CONFIG_KEY);
  await browser.alarms.clear(SYNC_ALARM).catch(() => false);
  if (current) await current.replica.destroy().catch(() => undefined);
  if (config) await destroyReplicas(await loadPouch(), db, config.device).catch(() => undefined);
  await stopTracking(db);
  return config;
}

export async function disableSync(serverCopy: 'keep' | 'remove'): Promise<SyncStatus> {
  const config = await getSyncMeta<StoredConfig>(db, CONFIG_KEY);
  let removalError: SyncError | undefined;
  if (config && serverCopy === 'remove') {
    try {
      await deleteServerCopy(config);
    } catch (error) {
      removalError = classify(error);
    }
  }
  await disableLocal();
  if (config) {
    // Access to the server is not needed any more.
    await browser.permissions.remove({ origins: [originPattern(config.server)] }).catch(() => false);
  }
  const status = await syncStatus();
  return removalError ? { ...status, lastError: removalError } : status;
}

export async function syncNow(): Promise<SyncStatus> {
  await syncOnce();
  return syncStatus();
}

/** On the alarm, and when the worker starts: a round unless continuous replication is already running. */
export async function onSyncAlarm(): Promise<void> {
  if (live) return;
  await syncOnce();
}
