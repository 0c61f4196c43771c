/** A populated store for portability tests: every table, every field, Unicode and hostile text. */
import { db } from '../../../storage/db';
import { Contact, Interaction, Settings, Template } from '../../../model/schemas';

export const HOSTILE = '<img src=x onerror=alert(1)> "quoted", comma; =HYPERLINK("http://evil") \\ \u{1F469}\u200D\u2695\uFE0F';

export function fullContact(overrides: Partial<Contact> = {}): Contact {
  return Contact.parse({
    id: 'c-full',
    source: 'linkedin',
    fullName: 'María José de la Cruz',
    firstName: 'María José',
    lastName: 'de la Cruz',
    honorific: 'Dr.',
    credentials: ['MD', 'PhD'],
    pronouns: 'she/her',
    headline: `Résidente — ${HOSTILE}`,
    title: 'Chief Resident',
    organization: 'Hôpital Saint-Louis',
    specialty: 'Internal Medicine',
    subspecialty: 'Cardiology',
    location: 'Paris, Île-de-France',
    about: 'Line one\nLine two with "quotes" and, commas\n王小明 مرحبا',
    education: [
      { school: 'Université Paris Cité', degree: 'MD', startYear: 2015, endYear: 2021 },
      { school: 'Sorbonne', endYear: 2014 },
    ],
    experience: [{ title: 'Resident', organization: 'AP-HP', start: '2021', end: 'Present' }],
    affiliations: ['SFC'],
    photoUrl: 'https://media.licdn.com/photo.jpg',
    email: 'maria@example.org',
    phone: '+33 1 23 45 67 89',
    profiles: { linkedin: 'https://www.linkedin.com/in/maria-jose/', web: 'https://example.org/maria?x=1&y=2' },
    identities: ['linkedin:maria-jose'],
    tags: ['cardio', 'Paris, France', 'élève'],
    notes: `Met at ACC.\n${HOSTILE}\n-1+1`,
    status: 'awaiting_reply',
    whereMet: { event: 'ACC 2025', date: '2025-03-29' },
    connectedOn: '2024-08-14',
    userEdited: ['headline'],
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_500_000,
    capturedAt: 1_700_000_000_000,
    lastContactedAt: 1_700_000_400_000,
    nextFollowUpAt: 1_700_600_000_000,
    followUpsSent: 1,
    ...overrides,
  });
}

export async function seedStore(): Promise<void> {
  const contacts = [
    fullContact(),
    Contact.parse({
      id: 'c-min',
      source: 'manual',
      fullName: '王小明',
      createdAt: 1,
      updatedAt: 2,
    }),
    Contact.parse({
      id: 'c-trash',
      source: 'doximity',
      fullName: 'Trashed Person',
      profiles: { doximity: 'https://www.doximity.com/pub/trashed-person-md' },
      identities: ['doximity:trashed-person-md'],
      createdAt: 3,
      updatedAt: 4,
    }),
  ];
  const interactions = [
    Interaction.parse({ id: 'i1', contactId: 'c-full', kind: 'message_sent', channel: 'linkedin', at: 10, text: HOSTILE, templateId: 't1' }),
    Interaction.parse({ id: 'i2', contactId: 'c-full', kind: 'reply_received', at: 20 }),
    Interaction.parse({ id: 'i3', contactId: 'c-trash', kind: 'note', at: 30, text: 'gone' }),
  ];
  const templates = [
    Template.parse({ id: 't1', name: 'Informational interview', purpose: 'Ask', channel: 'email', subject: 'Hello {{firstName}}', body: `Hi {{firstName}},\n${HOSTILE}`, builtIn: true, updatedAt: 5 }),
    Template.parse({ id: 't2', name: 'Mine', body: 'x', updatedAt: 6 }),
  ];
  const settings = Settings.parse({ myName: 'Alex Kim', mySchool: 'Perelman', myYear: 'MS4', mySpecialty: 'IM', signature: `Alex\n${HOSTILE}`, followUpDays: 5, maxFollowUps: 3 });
  await db.transaction('rw', [db.contacts, db.interactions, db.templates, db.settings, db.trash], async () => {
    await db.contacts.bulkAdd(contacts);
    await db.interactions.bulkAdd(interactions);
    await db.templates.bulkAdd(templates);
    await db.settings.put({ key: 'settings', value: settings });
    // The trash as deleteContact leaves it.
    const trashed = contacts[2]!;
    await db.trash.add({ id: trashed.id, deletedAt: 50, contact: trashed, interactions: [interactions[2]!] });
    await db.contacts.delete(trashed.id);
    await db.interactions.delete('i3');
  });
}
