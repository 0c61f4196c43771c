/** Writes valid contacts straight into the extension's database, to start a test from a realistic store. */
import type { Page } from '@playwright/test';
import type { Contact } from '../../model/schemas';
import { withSearchFields } from '../../storage/search-fields';
import { putContactRows } from '../../bench/seed-page';

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
}

export async function seedContacts(page: Page, people: SeedContact[]): Promise<void> {
  // Rows as Rapport stores them: the database's middleware is bypassed here, so its derived fields are added the same way.
  const rows = people.map((row, i) =>
    withSearchFields({
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
    } as Partial<Contact>),
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
