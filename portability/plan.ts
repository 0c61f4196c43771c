/**
 * The dry run of a contact import: what would be added, updated and skipped,
 * and which rows are wrong. Pure, so that the preview the user confirms and
 * the write that follows are computed by the same code.
 */
import { newId as randomId } from '../model/ids';
import { CAPTURED_FIELDS, Contact, type CapturedField } from '../model/schemas';
import { isEmptyValue, type IncomingContact, type ParsedContacts } from './incoming';
import type { ImportIssue, SkippedRow } from './issues';
import { userText } from '../model/user-text';

export interface PlannedUpdate {
  row: number;
  before: Contact;
  after: Contact;
  /** The fields the import fills in. */
  fields: string[];
}

export interface ContactImportPlan {
  add: Contact[];
  /** The file row of each added contact, in the same order as `add`. */
  addRows: number[];
  update: PlannedUpdate[];
  skip: SkippedRow[];
  errors: ImportIssue[];
  /** Data rows in the file. */
  rows: number;
}

/** Fields an import never copies onto a saved contact: they are the user's or the record's own. */
const NEVER_FILLED = new Set<keyof Contact>([
  'id', 'source', 'createdAt', 'updatedAt', 'capturedAt', 'userEdited', 'status', 'followUpsSent',
  'lastContactedAt', 'nextFollowUpAt', 'identities', 'profiles', 'tags',
]);

const CAPTURED = new Set<string>(CAPTURED_FIELDS);

/**
 * Copies into `existing` what the row knows and the contact lacks: empty
 * fields only, never one the user edited by hand. Tags, profile links and
 * identities are merged. Returns undefined when nothing would change.
 */
export function fillEmptyFields(existing: Contact, incoming: IncomingContact, now: number): PlannedUpdate | undefined {
  const patch: Record<string, unknown> = {};
  const fields: string[] = [];
  const edited = new Set<string>(existing.userEdited);
  for (const key of incoming.provided) {
    if (NEVER_FILLED.has(key)) continue;
    if (CAPTURED.has(key) && edited.has(key as CapturedField)) continue;
    if (!isEmptyValue(existing[key])) continue;
    patch[key] = incoming.draft[key];
    fields.push(key);
  }
  const profiles = { ...existing.profiles };
  for (const [site, url] of Object.entries(incoming.draft.profiles) as [keyof Contact['profiles'], string | undefined][]) {
    if (url && !profiles[site]) {
      profiles[site] = url;
      fields.push(`profiles.${site}`);
    }
  }
  const identities = [...existing.identities];
  for (const identity of incoming.identities) {
    if (!identities.includes(identity) && identities.length < 20) identities.push(identity);
  }
  const known = new Set(existing.tags.map((t) => t.toLowerCase()));
  const tags = [...existing.tags];
  for (const tag of incoming.draft.tags) {
    if (!known.has(tag.toLowerCase()) && tags.length < 100) {
      known.add(tag.toLowerCase());
      tags.push(tag);
    }
  }
  if (tags.length > existing.tags.length) fields.push('tags');
  if (fields.length === 0) return undefined;
  const after = Contact.parse({ ...existing, ...patch, profiles, identities, tags, updatedAt: now });
  return { row: incoming.row, before: existing, after, fields };
}

interface PlanOptions {
  now?: number;
  newId?: () => string;
}

/**
 * Matches each incoming row to a saved contact (by record id, then by profile
 * identity, then by email) and decides: add, fill its empty fields, or skip.
 * A second row for the same person within the file is skipped with a note.
 */
export function planContactImport(parsed: ParsedContacts, existing: readonly Contact[], options: PlanOptions = {}): ContactImportPlan {
  const { plan, take } = contactPlanner(parsed, existing, options);
  for (const incoming of parsed.incoming) take(incoming);
  return plan;
}

/**
 * planContactImport in slices: the same plan, with `slice` awaited after each
 * row so that the caller decides when the page gets its turn.
 */
export async function planContactImportSliced(
  parsed: ParsedContacts,
  existing: readonly Contact[],
  slice: (done: number, total: number) => Promise<void>,
  options: PlanOptions = {},
): Promise<ContactImportPlan> {
  const { plan, take } = contactPlanner(parsed, existing, options);
  const total = parsed.incoming.length;
  for (let i = 0; i < total; i++) {
    take(parsed.incoming[i]!);
    await slice(i + 1, total);
  }
  return plan;
}

/** The plan so far and the step that decides one more row; for callers that slice the work themselves. */
export function contactPlanner(parsed: ParsedContacts, existing: readonly Contact[], { now = Date.now(), newId = randomId }: PlanOptions) {
  const byId = new Map<string, Contact>();
  const byIdentity = new Map<string, Contact>();
  const byEmail = new Map<string, Contact>();
  for (const contact of existing) {
    byId.set(contact.id, contact);
    for (const identity of contact.identities) byIdentity.set(identity, contact);
    if (contact.email) byEmail.set(contact.email.toLowerCase(), contact);
  }
  /** Which row of this file already claimed a saved or new contact, by its id. */
  const claimedBy = new Map<string, number>();
  /** New contacts by the keys that would find them, for duplicates within the file. */
  const pending = new Map<string, { id: string; row: number }>();

  const plan: ContactImportPlan = {
    add: [],
    addRows: [],
    update: [],
    skip: [...parsed.skipped],
    errors: [...parsed.issues],
    rows: parsed.rows,
  };

  const take = (incoming: IncomingContact): void => {
    const keys = [
      ...(incoming.id ? [`id:${incoming.id}`] : []),
      ...incoming.identities.map((i) => `identity:${i}`),
      ...(incoming.email ? [`email:${incoming.email}`] : []),
    ];
    const match =
      (incoming.id ? byId.get(incoming.id) : undefined) ??
      incoming.identities.map((i) => byIdentity.get(i)).find(Boolean) ??
      (incoming.identities.length === 0 && incoming.email ? byEmail.get(incoming.email) : undefined);
    const name = incoming.draft.fullName;

    if (match) {
      const earlier = claimedBy.get(match.id);
      if (earlier !== undefined) {
        plan.skip.push({ row: incoming.row, name, reason: userText('portability.plan.sameAsRow', { row: earlier }) });
        return;
      }
      claimedBy.set(match.id, incoming.row);
      // One identity per person (storage/identities.ts): an identity another contact holds is not taken over,
      // and the ones this row brings now find this contact for the rows after it.
      const own = incoming.identities.filter((i) => (byIdentity.get(i) ?? match).id === match.id);
      for (const identity of own) byIdentity.set(identity, match);
      const update = fillEmptyFields(match, own.length === incoming.identities.length ? incoming : { ...incoming, identities: own }, now);
      if (update) plan.update.push(update);
      else plan.skip.push({ row: incoming.row, name, reason: userText('portability.plan.nothingNew') });
      return;
    }

    const duplicate = keys.map((k) => pending.get(k)).find(Boolean);
    if (duplicate) {
      plan.skip.push({ row: incoming.row, name, reason: userText('portability.plan.sameAsRow', { row: duplicate.row }) });
      return;
    }
    const id = incoming.id && !byId.has(incoming.id) ? incoming.id : newId();
    // The draft went through Contact's schema when the row was read; only the id and times are new
    // (a UUID or the file's id, validated with the draft), so a second parse would only cost time.
    const contact: Contact = { ...incoming.draft, id, source: 'import', createdAt: now, updatedAt: now };
    plan.add.push(contact);
    plan.addRows.push(incoming.row);
    for (const key of keys) pending.set(key, { id, row: incoming.row });
  };
  return { plan, take };
}
