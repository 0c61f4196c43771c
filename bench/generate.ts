/** Realistic generated contacts for benchmarks, parsed by the Contact schema so they are complete records. */
import { Contact, type ContactInput, type Status, type Interaction } from '../model/schemas';
import { replayTimeline } from '../overview/outreach';

const FIRST = ['Priya', 'Daniel', 'Hannah', 'Wen', 'Sofía', 'Chidi', 'Elena', 'Marcus', 'Aisha', 'Jonas', 'Mei', 'Omar', 'Grace', 'Luca', 'Nadia', 'Tomás'];
const LAST = ['Raman', 'O’Connor', 'Müller', 'Li', 'Reyes', 'Okonkwo', 'Vásquez', 'Lee', 'Khan', 'Berg', 'Chen', 'Haddad', 'Adeyemi', 'Rossi', 'Petrova', 'García', 'Miller'];
const ORGS = ['UCSF Health', 'Northfield General Hospital', 'Maine Medical Center', 'UT Health San Antonio', 'Mass General Brigham', 'Penn Medicine', 'Baylor College of Medicine', 'Mayo Clinic'];
const TITLES = ['Resident Physician', 'Program Director', 'Chief Resident', 'Assistant Professor', 'PGY-2', 'Program Coordinator'];
const SPECIALTIES = ['Internal Medicine', 'Pediatrics', 'Neurology', 'Family Medicine', 'Emergency Medicine', 'Surgery'];
const STATUSES: Status[] = ['not_contacted', 'awaiting_reply', 'replied', 'meeting', 'closed', 'no_response'];

/**
 * `count` contacts numbered from `from` (so that a large set can be made a chunk at a time, the
 * same as at once); the first `awaiting` numbers await a reply.
 */
export function generateContacts(count: number, options: { awaiting?: number; now?: number; from?: number } = {}): Contact[] {
  const now = options.now ?? Date.now();
  const from = options.from ?? 0;
  const awaiting = options.awaiting ?? Math.floor(count / 10);
  return Array.from({ length: count }, (_, n) => {
    const i = from + n;
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
    const waiting = i < awaiting;
    return Contact.parse({
      id: `bench-${i}`,
      source: 'linkedin',
      fullName: `${first} ${last} ${i}`,
      firstName: first,
      lastName: `${last} ${i}`,
      credentials: ['MD'],
      headline: `${TITLES[i % TITLES.length]} at ${ORGS[i % ORGS.length]}`,
      title: TITLES[i % TITLES.length],
      organization: ORGS[(i * 7) % ORGS.length],
      specialty: SPECIALTIES[i % SPECIALTIES.length],
      location: 'San Francisco, California, United States',
      about: 'Resident interested in medical education and health equity. '.repeat(3),
      education: [{ school: 'Perelman School of Medicine at the University of Pennsylvania', degree: 'MD', startYear: 2018, endYear: 2022 }],
      experience: [{ title: TITLES[i % TITLES.length], organization: ORGS[i % ORGS.length], start: '2022' }],
      affiliations: [],
      profiles: { linkedin: `https://www.linkedin.com/in/bench-${i}/` },
      identities: [`linkedin:bench-${i}`],
      tags: i % 3 ? ['IM'] : ['interview day', 'alumni'],
      notes: i % 5 ? '' : 'Met at the ACP meeting; promised to send my CV.',
      status: waiting ? 'awaiting_reply' : STATUSES[i % STATUSES.length]!,
      userEdited: [],
      createdAt: now - i * 60_000,
      updatedAt: now - i * 60_000,
      followUpsSent: 0,
      // Half of those awaiting a reply are due now.
      nextFollowUpAt: waiting ? now + (i % 2 ? -1 : 1) * 86_400_000 : undefined,
    } satisfies ContactInput);
  });
}

/**
 * A season of timelines for `contacts`: three entries per contact on average
 * (a message, often a follow-up or a reply, sometimes a meeting), over the
 * last twelve weeks, with a template on most messages. Each contact gets the
 * funnel times the app would have given it (overview/outreach.ts).
 */
export function generateSeason(contacts: Contact[], now = Date.now()): { contacts: Contact[]; interactions: Interaction[] } {
  const interactions: Interaction[] = [];
  // Built-in templates' ids (drafting/builtin-templates.ts), so that their names are found, and messages written without one.
  const templates = ['builtin:informational', 'builtin:connection-note', 'builtin:alumni', ''];
  const out = contacts.map((contact, i) => {
    // Spread over the twelve weeks, and early enough that the follow-up (a week on) and the meeting (ten days on) are past.
    const sentAt = now - 11 * 86_400_000 - ((i * 7919 * 60_000) % (73 * 86_400_000));
    const channel = i % 4 === 0 ? 'email' : 'linkedin';
    const timeline: Interaction[] = [];
    const add = (kind: Interaction['kind'], at: number, extra: Partial<Interaction> = {}) =>
      timeline.push({ id: `bench-i-${i}-${timeline.length}`, contactId: contact.id, kind, channel, at, ...extra });
    const templateId = templates[i % templates.length] || undefined;
    add('message_sent', sentAt, { text: 'Dear Dr. Raman, I am a fourth-year student applying in Internal Medicine. '.repeat(4), ...(templateId ? { templateId } : {}) });
    if (i % 3 === 0) add('reply_received', sentAt + ((i % 97) + 1) * 3_600_000);
    else add('follow_up_sent', sentAt + 7 * 86_400_000, { text: 'Following up on my note last week. '.repeat(3) });
    if (i % 9 === 0) add('meeting', sentAt + 10 * 86_400_000);
    if (i % 10 !== 9) add('note', sentAt + 86_400_000, { text: 'Prefers email.' });
    const { facts, answers } = replayTimeline(timeline);
    for (const entry of timeline) interactions.push(answers.has(entry.id) ? { ...entry, answers: answers.get(entry.id)! } : entry);
    return { ...contact, ...facts };
  });
  return { contacts: out, interactions };
}

/**
 * A LinkedIn Connections.csv of `rows` people, as LinkedIn writes it (a byte-order mark, its notes, then the
 * header), with a credential in every last name, an email on every third row and fifty companies.
 */
export function connectionsCsv(rows: number): string {
  const lines = [
    '\uFEFFNotes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing."',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  ];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  for (let i = 0; i < rows; i++) {
    const email = i % 3 === 0 ? `person${i}@example.org` : '';
    const date = `${String((i % 28) + 1).padStart(2, '0')} ${months[i % 12]} ${2015 + (i % 10)}`;
    lines.push(
      `Person${i},"Müller-${i}, MD",https://www.linkedin.com/in/person-${i},${email},"Hospital ${i % 50}, Inc.",Resident Physician,${date}`,
    );
  }
  return lines.join('\r\n');
}
