/** Writes valid contacts straight into the extension's database, to start a test from a realistic store. */
import type { Page } from '@playwright/test';
import type { Channel, Contact, Interaction, InteractionKind } from '../../model/schemas';
import { replayTimeline } from '../../overview/outreach';
import { withFunnelKeys, withOutreachKeys } from '../../storage/overview-keys';
import { withSearchFields } from '../../storage/search-fields';
import { putContactRows, putRows } from '../../bench/seed-page';

export interface SeedContact {
  fullName: string;
  title?: string;
  organization?: string;
  status?: string;
  tags?: string[];
  specialty?: string;
  notes?: string;
  photoUrl?: string;
  nextFollowUpAt?: number;
  education?: { school: string }[];
  /** The Overview's funnel facts (overview/outreach.ts); seedSeason sets them from the timelines it writes. */
  reachedAt?: number;
  repliedAt?: number;
  conversationAt?: number;
}

export async function seedContacts(page: Page, people: SeedContact[]): Promise<void> {
  // Rows as Rapport stores them: the database's middleware is bypassed here, so its derived fields are added the same way.
  const rows = people.map((row, i) =>
    withFunnelKeys(withSearchFields({
      id: `seed-${i}`,
      source: 'manual',
      credentials: [],
      education: [],
      experience: [],
      affiliations: [],
      profiles: {},
      identities: [],
      tags: [],
      notes: '',
      status: 'not_contacted',
      userEdited: [],
      createdAt: 1_700_000_000_000 + i,
      updatedAt: 1_700_000_000_000 + i,
      followUpsSent: 0,
      ...row,
    } as Partial<Contact>)),
  );
  await putContactRows(page, rows);
}

export const PEOPLE: SeedContact[] = [
  { fullName: 'Priya Raman', title: 'Resident Physician', organization: 'UCSF Health', status: 'awaiting_reply', tags: ['IM'], specialty: 'Internal Medicine' },
  { fullName: 'Daniel O’Connor-Nguyen', title: 'Program Director', organization: 'Maine Medical Center', status: 'replied', specialty: 'Family Medicine' },
  { fullName: 'Hannah Müller', title: 'PGY-3', organization: 'Northfield General Hospital', status: 'meeting', education: [{ school: 'Philadelphia College of Osteopathic Medicine' }] },
  { fullName: 'Wen Li', title: 'Assistant Professor', organization: 'Northfield General Hospital', specialty: 'Neurology', notes: 'Asked about the stroke elective' },
  { fullName: 'Sofía Reyes', title: 'Resident Physician', organization: 'Northfield General Hospital', status: 'no_response' },
];

/** One logged entry of a seeded season: `person` is an index into the people seeded. */
export interface SeedEntry {
  person: number;
  kind: InteractionKind;
  daysAgo: number;
  channel?: Channel;
  templateId?: string;
}

/**
 * Seeds `people` with the timelines of `entries`, as logging them in Rapport would have left them: each
 * contact's funnel facts and each reply's answer replayed by overview/outreach.ts, and the index keys
 * the database's middleware (bypassed here) would add.
 */
export async function seedSeason(page: Page, people: SeedContact[], entries: SeedEntry[], now = Date.now()): Promise<void> {
  const interactions: Interaction[] = [];
  const withFacts = people.map((person, i) => {
    const timeline: Interaction[] = entries
      .filter((e) => e.person === i)
      .map((e, n) => ({
        id: `seed-i-${i}-${n}`,
        contactId: `seed-${i}`,
        kind: e.kind,
        channel: e.channel ?? 'linkedin',
        at: now - e.daysAgo * 86_400_000,
        ...(e.templateId ? { templateId: e.templateId } : {}),
      }));
    const { facts, answers } = replayTimeline(timeline);
    for (const entry of timeline) interactions.push(answers.has(entry.id) ? { ...entry, answers: answers.get(entry.id)! } : entry);
    return { ...person, ...facts };
  });
  await seedContacts(page, withFacts);
  await putRows(page, 'interactions', interactions.map(withOutreachKeys));
  // Written beside the middleware, so the Overview's tallies (storage/overview-tallies.ts) missed them: marked for a recount.
  await putRows(page, 'tallies', [{ key: 'meta', n: 0, stale: true }]);
}
