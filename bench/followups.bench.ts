/**
 * Badge recount cost (RELIABILITY L7): follow-ups, letter reminders and
 * keeping in touch counted (storage/due.ts countDue) over 10,000 contacts
 * (1,000 awaiting a reply, 500 keeping in touch, 200 letters) and over 100,000. Prints one JSON line per figure.
 * Runs in Node on fake-indexeddb (`npx tsx bench/followups.bench.ts`), so the
 * figures compare runs of this code, not Chromium's own IndexedDB.
 */
import 'fake-indexeddb/auto';
import { dueTotal, letterDueAt } from '../followups/due';
import { db } from '../storage/db';
import { countDue, nextDueAfter } from '../storage/due';
import { DEFAULT_SETTINGS, type Contact, type Letter } from '../model/schemas';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 4, 12, 14);
const RUNS = 31;

function contact(i: number, awaiting: boolean): Contact {
  const at = NOW - 60 * DAY + (i % 997) * 3_600_000;
  return {
    id: `c${i}`,
    source: 'linkedin',
    fullName: `Person ${i}`,
    credentials: [],
    education: [],
    experience: [],
    affiliations: [],
    profiles: { linkedin: `https://www.linkedin.com/in/person-${i}/` },
    identities: [`linkedin:person-${i}`],
    tags: [],
    notes: '',
    status: awaiting ? 'awaiting_reply' : 'not_contacted',
    userEdited: [],
    createdAt: at,
    updatedAt: at,
    followUpsSent: awaiting ? i % 3 : 0,
    // Awaiting contacts: about half due now, the rest over the next two weeks.
    ...(awaiting ? { lastContactedAt: at, nextFollowUpAt: NOW + ((i % 29) - 14) * DAY } : {}),
    // One in twenty others keeps in touch, due over the coming months (some already).
    ...(!awaiting && i % 20 === 1 ? { keepInTouchDays: 90, lastInteractionAt: at, keepInTouchAt: NOW + ((i % 89) - 20) * DAY } : {}),
  };
}

/** One contact in fifty writes a letter, in every status, with deadlines from last week to three months out. */
function letter(i: number): Letter {
  const statuses = ['planned', 'asked', 'agreed', 'submitted', 'thanked'] as const;
  const deadline = new Date(NOW + ((i % 97) - 7) * DAY).toISOString().slice(0, 10);
  const record: Letter = {
    id: `l${i}`,
    writerId: `c${i}`,
    status: statuses[i % statuses.length]!,
    kind: 'specialty',
    meantFor: ['Internal Medicine'],
    deadline,
    askedAt: NOW - 40 * DAY,
    submittedAt: NOW - (i % 5) * DAY,
    notes: '',
    createdAt: NOW - 50 * DAY,
    updatedAt: NOW - 40 * DAY,
  };
  const dueAt = letterDueAt(record, DEFAULT_SETTINGS);
  return dueAt === undefined ? record : { ...record, dueAt };
}

async function seed(total: number, awaitingEvery: number): Promise<number> {
  await db.contacts.clear();
  await db.letters.clear();
  const letters: Letter[] = [];
  for (let i = 2; i < total; i += 50) letters.push(letter(i));
  await db.letters.bulkAdd(letters);
  let awaiting = 0;
  for (let start = 0; start < total; start += 1_000) {
    const chunk: Contact[] = [];
    for (let i = start; i < Math.min(total, start + 1_000); i++) {
      const isAwaiting = i % awaitingEvery === 0;
      if (isAwaiting) awaiting++;
      chunk.push(contact(i, isAwaiting));
    }
    await db.contacts.bulkAdd(chunk);
  }
  return awaiting;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function measure(name: string, total: number, target: number): Promise<void> {
  const awaiting = await seed(total, 10);
  // What a recount does: the count for the badge and the next alarm.
  const recount = async () => {
    const due = dueTotal(await countDue(NOW));
    await nextDueAfter(NOW);
    return due;
  };
  const expected = await recount(); // warm-up, and a sanity check below
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    const due = await recount();
    times.push(performance.now() - start);
    if (due !== expected) throw new Error(`count changed between runs: ${due} vs ${expected}`);
  }
  const counts = await countDue(NOW);
  if (counts.follow_up <= 0 || counts.follow_up > awaiting || counts.letter <= 0 || counts.keep_in_touch <= 0) {
    throw new Error(`implausible due counts ${JSON.stringify(counts)} of ${awaiting} awaiting`);
  }
  const value = Math.round(median(times) * 100) / 100;
  console.log(JSON.stringify({ name, value, unit: 'ms', target, contacts: total, awaiting, due: expected, ...counts }));
}

await db.open();
await measure('badge.recount_10k.median_ms', 10_000, 20);
await measure('badge.recount_100k.median_ms', 100_000, 250);
db.close();
