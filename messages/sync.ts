/**
 * Messages between Settings › Sync and the background's sync service
 * (background/sync.ts): requests and answers, each a zod schema checked on receipt.
 */
import { z } from 'zod';
import { SYNC_FAILURES } from '../sync/config';

/** The setup as typed; the background checks it again with SyncSetup (sync/config.ts) before using it. */
const SetupFields = z
  .object({
    server: z.string().max(2_000),
    database: z.string().max(240),
    username: z.string().max(500),
    password: z.string().max(2_000),
    passphrase: z.string().max(1_000),
  })
  .strict();

export const SYNC_REQUESTS = [
  z.object({ type: z.literal('sync-status') }).strict(),
  z.object({ type: z.literal('sync-enable'), setup: SetupFields }).strict(),
  /** Turn sync off; `remove` also deletes the server's copy. */
  z.object({ type: z.literal('sync-disable'), serverCopy: z.enum(['keep', 'remove']) }).strict(),
  z.object({ type: z.literal('sync-now') }).strict(),
] as const;

export const SyncError = z.object({
  failure: z.enum([...SYNC_FAILURES, 'invalid', 'sync']),
  detail: z.string().max(2_000),
  at: z.number().int().nonnegative(),
});
export type SyncError = z.infer<typeof SyncError>;

export const SyncStatus = z.object({
  enabled: z.boolean(),
  server: z.string().optional(),
  database: z.string().optional(),
  username: z.string().optional(),
  /** What the service is doing: idle between rounds, syncing now, or stopped by an error. */
  state: z.enum(['off', 'idle', 'syncing', 'error']),
  /** Continuous replication is running (a Rapport page is open). */
  live: z.boolean(),
  lastSyncedAt: z.number().int().nonnegative().optional(),
  pending: z.number().int().nonnegative(),
  lastError: SyncError.optional(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const SYNC_RESPONSES = {
  'sync-status': SyncStatus,
  'sync-enable': SyncStatus,
  'sync-disable': SyncStatus,
  'sync-now': SyncStatus,
} as const;

/** The name of the port an open Rapport page holds so that sync runs continuously meanwhile. */
export const SYNC_LIVE_PORT = 'sync-live';
