/**
 * Every message between Rapport's contexts, in one place.
 *
 * Extension pages (popup, side panel) ask the background to act on a tab; the
 * background asks a tab's content script for what the page shows. Each request
 * is a zod schema checked on receipt; anything malformed is answered with an
 * error and changes nothing.
 */
import { z } from 'zod';
import { browser } from 'wxt/browser';
import { Contact } from '../model/schemas';
import { UserError, userText } from '../model/user-text';
import { SYNC_REQUESTS, SYNC_RESPONSES } from './sync';

const tabId = z.number().int().nonnegative().max(2 ** 31);

/** Requests that only the extension's own pages may send to the background. */
export const PageRequest = z.discriminatedUnion('type', [
  /** Save the person on the page open in `tabId`. */
  z.object({ type: z.literal('save-tab'), tabId }).strict(),
  /** Whether the person on `tabId`'s page is saved, without saving. */
  z.object({ type: z.literal('tab-status'), tabId }).strict(),
  /** The extension page changed data: recount the badge and refresh tab icons. */
  z.object({ type: z.literal('data-changed') }).strict(),
  /** Settings › Sync (messages/sync.ts). */
  ...SYNC_REQUESTS,
  /** Let the user point at the person on `tabId`'s page (background/pointer.ts). */
  z.object({ type: z.literal('point-tab'), tabId }).strict(),
]);
export type PageRequest = z.infer<typeof PageRequest>;

export { EXTRACT_REQUEST } from './extract-request';

/**
 * The only requests a content script may send: the in-page picker's answer.
 * It carries an index, never a person's data; the background accepts it only
 * from the tab it opened the picker in, re-reads the page itself and saves
 * that person (background/save-chosen-person.ts).
 */
export const ContentRequest = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('picker-choice'),
      index: z.number().int().min(0).max(1_000),
      /** The name the picker showed, checked against the background's own reading of the page. */
      fullName: z.string().min(1).max(300),
    })
    .strict(),
  z.object({ type: z.literal('picker-cancel') }).strict(),
]);
export type ContentRequest = z.infer<typeof ContentRequest>;

export const SaveOutcome = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('saved'), contact: Contact, created: z.boolean(), previous: Contact.optional() }),
  /** The page is not one Rapport can read (a browser page, a page with no person). */
  z.object({
    kind: z.literal('no-person'),
    url: z.string().optional(),
    reason: z.string(),
    /** What the add-by-hand form starts from: the fields the page did show (capture/draft). */
    draft: z
      .object({
        profileUrl: z.string().max(2048).optional(),
        initial: z.object({
          fullName: z.string().max(300).optional(),
          title: z.string().max(300).optional(),
          organization: z.string().max(300).optional(),
          email: z.string().max(320).optional(),
        }),
      })
      .optional(),
  }),
  /** Several people on the page: the in-page picker is open, and the user chooses there. */
  z.object({ kind: z.literal('picking'), url: z.string(), names: z.array(z.string()) }),
  /**
   * The user withdrew Rapport's access to the site; the page may ask for `origins` again, in the
   * click's user gesture. No `url` when the browser hides the tab's address for that reason.
   */
  z.object({
    kind: z.literal('needs-access'),
    url: z.string().optional(),
    origins: z.array(z.string().regex(/^https:\/\/[^/\s]+\/\*$/)).min(1),
    reason: z.string(),
  }),
]);
export type SaveOutcome = z.infer<typeof SaveOutcome>;

export const TabStatus = z.object({
  /** The profile link the tab shows, when it is a profile page. */
  profileUrl: z.string().optional(),
  contact: Contact.optional(),
});
export type TabStatus = z.infer<typeof TabStatus>;

/** What the background answers to each request, checked on receipt like the requests themselves. */
const RESPONSES = {
  'save-tab': SaveOutcome,
  'tab-status': TabStatus,
  'data-changed': z.object({ badge: z.number().int().nonnegative() }),
  ...SYNC_RESPONSES,
  'point-tab': z.discriminatedUnion('started', [
    z.object({ started: z.literal(true), url: z.string() }),
    z.object({ started: z.literal(false), reason: z.string() }),
  ]),
} satisfies Record<PageRequest['type'], z.ZodType>;
type ResponseMap = { [K in keyof typeof RESPONSES]: z.infer<(typeof RESPONSES)[K]> };
export type ResponseFor<T extends PageRequest['type']> = ResponseMap[T];

/** What the background answers: the value, or an error a person can read. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

function replySchema(value: z.ZodType) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: z.string().max(2_000) }),
  ]);
}

/**
 * Sends a request to the background and returns its answer, throwing the
 * background's error message. Retries once when the service worker was asleep
 * and the first attempt found no receiver.
 */
export async function sendToBackground<R extends PageRequest>(request: R): Promise<ResponseFor<R['type']>> {
  const attempt = () => browser.runtime.sendMessage(request) as Promise<Reply<ResponseFor<R['type']>> | undefined>;
  let reply: Reply<ResponseFor<R['type']>> | undefined;
  try {
    reply = await attempt();
  } catch {
    reply = await attempt();
  }
  if (!reply) throw new UserError(userText('errors.backgroundSilent'));
  const checked = replySchema(RESPONSES[request.type]).safeParse(reply);
  if (!checked.success) throw new UserError(userText('errors.backgroundGarbled'));
  if (!checked.data.ok) throw new Error(checked.data.error);
  return checked.data.value as ResponseFor<R['type']>;
}

/** Tells the background that data changed, without failing the caller if it cannot be reached. */
export async function notifyDataChanged(): Promise<void> {
  try {
    await sendToBackground({ type: 'data-changed' });
  } catch {
    // The badge is recounted on the next alarm or start-up anyway.
  }
}
