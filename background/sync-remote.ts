/**
 * Talking to the user's CouchDB server outside replication: the connection
 * test (each failure told apart, so Settings can say what is wrong), the
 * database's salt and key-check documents, and removing the server's copy.
 * Plain fetch, so none of it needs PouchDB loaded.
 *
 * The salt document is public by design (a salt is not a secret); the
 * key-check document is a known value sealed with the key, so a wrong
 * passphrase is refused before this device writes anything.
 */
import { deriveKeys, fromBase64, newSalt, open, PBKDF2_ITERATIONS, seal, toBase64, DecryptError, type SyncKeys } from '../sync/crypto';
import { KEYCHECK_DOC_ID, SALT_DOC_ID } from '../sync/kinds';
import type { SyncFailure, SyncSetup } from '../sync/config';
import { z } from 'zod';

export class SyncConnectError extends Error {
  override name = 'SyncConnectError';
  constructor(
    readonly failure: SyncFailure,
    detail: string,
  ) {
    super(detail);
  }
}

const SaltDoc = z.object({
  v: z.literal(1),
  kdf: z.literal('PBKDF2-SHA-256'),
  iterations: z.number().int().positive().max(10_000_000),
  salt: z.string().min(16).max(200),
});
const KeyCheckDoc = z.object({ iv: z.string(), ct: z.string() });
const KEYCHECK_VALUE = 'rapport-keycheck-v1';

type Fetch = typeof fetch;

function authHeader(setup: Pick<SyncSetup, 'username' | 'password'>): Record<string, string> {
  if (!setup.username && !setup.password) return {};
  const bytes = new TextEncoder().encode(`${setup.username}:${setup.password}`);
  return { Authorization: `Basic ${toBase64(bytes)}` };
}

export function databaseUrl(setup: Pick<SyncSetup, 'server' | 'database'>): string {
  return `${setup.server}/${encodeURIComponent(setup.database)}`;
}

async function call(fetcher: Fetch, url: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetcher(url, { ...init, credentials: 'omit', cache: 'no-store' });
  } catch (error) {
    throw new SyncConnectError('unreachable', error instanceof Error ? error.message : String(error));
  }
}

async function json(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

function failFor(response: Response, what: string): never {
  if (response.status === 401 || response.status === 403) throw new SyncConnectError('credentials', `${what}: HTTP ${response.status}`);
  throw new SyncConnectError('server-error', `${what}: HTTP ${response.status}`);
}

/**
 * Checks the server, the account and the database (creating it when the
 * account may), then the passphrase: the first device to use a database gives
 * it its salt and key-check; every later one must open the key-check.
 */
export async function connect(setup: SyncSetup, fetcher: Fetch = fetch, iterations = PBKDF2_ITERATIONS): Promise<SyncKeys> {
  const headers = { ...authHeader(setup), Accept: 'application/json' };
  const root = await call(fetcher, `${setup.server}/`, { headers });
  const welcome = (await json(root)) as Record<string, unknown> | undefined;
  const isCouch = !!welcome && typeof welcome === 'object' && ('couchdb' in welcome || 'express-pouchdb' in welcome);
  if (!isCouch) {
    if (root.status === 401 || root.status === 403) throw new SyncConnectError('credentials', `server: HTTP ${root.status}`);
    throw new SyncConnectError('not-couchdb', `server answered HTTP ${root.status} without CouchDB's welcome`);
  }
  const dbUrl = databaseUrl(setup);
  let info = await call(fetcher, dbUrl, { headers });
  if (info.status === 404) {
    const created = await call(fetcher, dbUrl, { method: 'PUT', headers });
    if (!created.ok && created.status !== 412) failFor(created, 'creating the database');
    info = await call(fetcher, dbUrl, { headers });
  }
  if (!info.ok) failFor(info, 'opening the database');

  const docUrl = (id: string) => `${dbUrl}/${encodeURIComponent(id)}`;
  const saltResponse = await call(fetcher, docUrl(SALT_DOC_ID), { headers });
  if (saltResponse.status === 404) {
    const salt = newSalt();
    const keys = await deriveKeys(setup.passphrase, salt, iterations);
    const check = await seal(keys.encrypt, KEYCHECK_VALUE, KEYCHECK_DOC_ID);
    const putJson = (id: string, body: unknown) =>
      call(fetcher, docUrl(id), { method: 'PUT', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const savedSalt = await putJson(SALT_DOC_ID, { v: 1, kdf: 'PBKDF2-SHA-256', iterations, salt: toBase64(salt) });
    // Another device set the database up at the same moment: use its salt instead.
    if (savedSalt.status === 409) return connect(setup, fetcher, iterations);
    if (!savedSalt.ok) failFor(savedSalt, 'saving the salt');
    const savedCheck = await putJson(KEYCHECK_DOC_ID, check);
    if (!savedCheck.ok) failFor(savedCheck, 'saving the key check');
    return keys;
  }
  if (!saltResponse.ok) failFor(saltResponse, 'reading the salt');
  const saltDoc = SaltDoc.safeParse(await json(saltResponse));
  if (!saltDoc.success) throw new SyncConnectError('server-error', 'this database holds something other than Rapport data');
  // A server that lowered the count could only make this device derive a key that fails the key check; still, never go below our own.
  if (saltDoc.data.iterations < iterations) throw new SyncConnectError('server-error', 'the database asks for a weaker key derivation than this device allows');
  const keys = await deriveKeys(setup.passphrase, fromBase64(saltDoc.data.salt), saltDoc.data.iterations);
  const checkResponse = await call(fetcher, docUrl(KEYCHECK_DOC_ID), { headers });
  if (!checkResponse.ok) failFor(checkResponse, 'reading the key check');
  const checkDoc = KeyCheckDoc.safeParse(await json(checkResponse));
  if (!checkDoc.success) throw new SyncConnectError('server-error', 'the key check document is damaged');
  try {
    if ((await open(keys.encrypt, checkDoc.data, KEYCHECK_DOC_ID)) !== KEYCHECK_VALUE) throw new DecryptError('mismatch');
  } catch {
    throw new SyncConnectError('passphrase', 'the passphrase does not open this database');
  }
  return keys;
}

/** Deletes the server's copy (the whole database). Needs an account allowed to delete it. */
export async function deleteServerCopy(setup: Pick<SyncSetup, 'server' | 'database' | 'username' | 'password'>, fetcher: Fetch = fetch): Promise<void> {
  const response = await call(fetcher, databaseUrl(setup), { method: 'DELETE', headers: authHeader(setup) });
  if (!response.ok && response.status !== 404) failFor(response, 'deleting the database');
}
