/**
 * What the user types in Settings › Sync, checked before anything is sent:
 * the server (https, or http on this computer only), a CouchDB database name,
 * the account, and the passphrase that never leaves the browser.
 */
import { z } from 'zod';
import { httpUrl } from '../model/schemas';

/**
 * The manifest's optional_host_permissions. Settings › Sync asks for the one
 * origin of the user's server when sync is turned on (originPattern), and gives
 * it back when sync is turned off. http only on this computer; any other server must be https.
 */
export const SYNC_HOSTS = ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'];

/** http is allowed only to this computer: a password and ciphertext must not cross a network in the clear. */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1'];

/** An http(s) link (storage/schemas.ts httpUrl), then: https, or http on this computer; no credentials, query or fragment in it. */
export const ServerUrl = httpUrl
  .pipe(
    z.string().refine((value) => {
      const url = new URL(value);
      if (url.username || url.password || url.search || url.hash) return false;
      return url.protocol === 'https:' || LOOPBACK_HOSTS.includes(url.hostname);
    }, 'must be an https:// address (or http:// on localhost)'),
  )
  .transform((value) => value.replace(/\/+$/, ''));

/** CouchDB's own rule for database names. */
export const DatabaseName = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_$()+/-]{0,237}$/, 'lowercase letters, digits and _$()+-/ only, starting with a letter');

export const SyncSetup = z.object({
  server: ServerUrl,
  database: DatabaseName,
  username: z.string().max(500),
  password: z.string().max(2_000),
  passphrase: z.string().min(10, 'at least 10 characters').max(1_000),
});
export type SyncSetup = z.infer<typeof SyncSetup>;
export type SyncSetupInput = z.input<typeof SyncSetup>;

/** The host permission to ask for: this one server (all its ports and paths). Must be covered by optional_host_permissions. */
export function originPattern(server: string): string {
  const url = new URL(server);
  return `${url.protocol}//${url.hostname}/*`;
}

/** Why a connection attempt failed, each with its own message in Settings. */
export const SYNC_FAILURES = ['permission', 'unreachable', 'credentials', 'not-couchdb', 'passphrase', 'server-error'] as const;
export type SyncFailure = (typeof SYNC_FAILURES)[number];
