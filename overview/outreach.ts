/**
 * What counts as reaching someone, a reply and a conversation in the Overview,
 * and the facts each logged entry adds: the contact's first times (its funnel)
 * and, for a reply, the message it answers (reply rates per template, channel
 * and format). Pure: storage/interactions.ts applies them as entries are
 * logged, and the schema version 7 upgrade replays every timeline through them.
 */
import { defaultFormat } from '../drafting/limits';
import type { Contact, Interaction, InteractionKind } from '../model/schemas';

/** Messages that ask for an answer: what "reached" and the reply rates count. */
export const OUTGOING_KINDS = ['message_sent', 'follow_up_sent', 'letter_requested'] as const satisfies readonly InteractionKind[];
/** Only replies the user logged: a status set by hand is not a reply. */
export const REPLY_KIND = 'reply_received' satisfies InteractionKind;
export const CONVERSATION_KINDS = ['meeting', 'call', 'met_in_person'] as const satisfies readonly InteractionKind[];

export const isOutgoing = (kind: InteractionKind) => (OUTGOING_KINDS as readonly InteractionKind[]).includes(kind);
const isConversation = (kind: InteractionKind) => (CONVERSATION_KINDS as readonly InteractionKind[]).includes(kind);

export type OutreachFacts = Pick<Contact, 'reachedAt' | 'repliedAt' | 'conversationAt'>;
export type Answer = NonNullable<Interaction['answers']>;

const earliest = (a: number | undefined, b: number) => (a === undefined ? b : Math.min(a, b));

/** The contact's first times after an entry of `kind` at `at` (entries logged late, for an earlier day, count too). */
export function outreachPatch(facts: OutreachFacts, kind: InteractionKind, at: number): OutreachFacts {
  if (isOutgoing(kind)) return { ...facts, reachedAt: earliest(facts.reachedAt, at) };
  if (kind === REPLY_KIND) return { ...facts, repliedAt: earliest(facts.repliedAt, at) };
  if (isConversation(kind)) return { ...facts, conversationAt: earliest(facts.conversationAt, at) };
  return facts;
}

/**
 * The message a reply at `at` answers: the last message sent before it, unless
 * a reply was already logged after that message (one message, one reply, so a
 * rate never passes 100%). `earlier` is the contact's timeline before the reply, in any order.
 */
export function answerOf(earlier: readonly Pick<Interaction, 'kind' | 'at' | 'channel' | 'templateId' | 'format'>[], at: number): Answer | undefined {
  let last: (typeof earlier)[number] | undefined;
  for (const entry of earlier) {
    if (entry.at > at || !(isOutgoing(entry.kind) || entry.kind === REPLY_KIND)) continue;
    if (!last || entry.at > last.at || (entry.at === last.at && entry.kind === REPLY_KIND)) last = entry;
  }
  if (!last || last.kind === REPLY_KIND) return undefined;
  return {
    sentAt: last.at,
    ...(last.templateId ? { templateId: last.templateId } : {}),
    channel: last.channel,
    format: last.format ?? defaultFormat(last.channel),
  };
}

/**
 * One contact's whole timeline replayed: its first times, and each reply's
 * answer by the reply's id. Used by the upgrade, which has every entry at hand.
 */
export function replayTimeline(timeline: readonly Interaction[]): { facts: OutreachFacts; answers: Map<string, Answer> } {
  const sorted = [...timeline].sort((a, b) => a.at - b.at);
  let facts: OutreachFacts = {};
  const answers = new Map<string, Answer>();
  sorted.forEach((entry, i) => {
    facts = outreachPatch(facts, entry.kind, entry.at);
    if (entry.kind !== REPLY_KIND) return;
    const answer = answerOf(sorted.slice(0, i), entry.at);
    if (answer) answers.set(entry.id, answer);
  });
  return { facts, answers };
}
