/**
 * "Point at the person": what the pointer script may send, and the record of
 * a pointing session the background keeps in `storage.session` (extension
 * contexts only: a page cannot read or forge it). A session is opened by the
 * background for one tab and page, accepts one capture, and expires.
 */
import { z } from 'zod';
import { browser } from 'wxt/browser';

export const POINTER_TTL_MS = 10 * 60_000;

/** A capture is a few kilobytes; anything larger is not one. */
const MAX_RAW_CHARS = 100_000;

export const PointerRequest = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('pointer-capture'),
      /** What the pointer read from the chosen element: untrusted, validated by the background. */
      raw: z.unknown().refine((v) => typeof v === 'object' && v !== null && JSON.stringify(v).length <= MAX_RAW_CHARS, 'Not a capture.'),
    })
    .strict(),
  z.object({ type: z.literal('pointer-cancel') }).strict(),
]);
export type PointerRequest = z.infer<typeof PointerRequest>;

export const PointerSession = z.object({
  tabId: z.number().int().nonnegative(),
  /** The page pointing started on, without its fragment. */
  url: z.string(),
  startedAt: z.number(),
  state: z.enum(['open', 'saving', 'saved', 'cancelled', 'failed']),
});
export type PointerSession = z.infer<typeof PointerSession>;

const key = (tabId: number) => `pointer:${tabId}`;

export async function readPointerSession(tabId: number): Promise<PointerSession | undefined> {
  const parsed = PointerSession.safeParse((await browser.storage.session.get(key(tabId)))[key(tabId)]);
  return parsed.success ? parsed.data : undefined;
}

export async function writePointerSession(session: PointerSession): Promise<void> {
  await browser.storage.session.set({ [key(session.tabId)]: PointerSession.parse(session) });
}
