// @vitest-environment node (no DOM reached but the page's localStorage: see vitest.config.ts)
/**
 * The side panel's list questions, answered from indexes (RELIABILITY L2):
 * search, filters, sorts and counts give the right contacts, and no question
 * reads the records of the whole table (checked by a Dexie middleware that
 * counts every record a read hands back).
 */
import '../page-storage';
import type { DBCore } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { programsIndex, unlinkedOrganizations } from '../../../storage/programs';
import {
  contactsByIds,
  distinctValues,
  idsByNamePage,
  keepMatching,
  matchingIds,
  orderedIds,
  pipelineCounts,
  recentContacts,
  SEARCH_LIMIT,
  searchContacts,
  type Filters,
} from '../../../storage/contact-list';
import { firstContacts, updateContact } from '../../../storage/contacts';
import { db } from '../../../storage/db';
import { duplicateCandidates } from '../../../storage/duplicates';
import { Contact, type ContactInput } from '../../../model/schemas';
import { MAX_NOTE_WORDS, searchFields } from '../../../storage/search-fields';

const DAY = 86_400_000;

function person(id: string, fullName: string, more: Partial<ContactInput> = {}): Contact {
  return Contact.parse({ id, fullName, source: 'manual', createdAt: 1_000, updatedAt: 1_000, ...more });
}

const PEOPLE = [
  person('hm', 'Hannah Müller', {
    organization: 'Northfield General Hospital',
    specialty: 'Neurology',
    tags: ['Neuro interview day'],
    status: 'awaiting_reply',
    lastContactedAt: 5 * DAY,
    nextFollowUpAt: 9 * DAY,
    createdAt: 3_000,
  }),
  person('pr', 'Priya Raman', {
    organization: 'UCSF Health',
    specialty: 'Internal Medicine',
    education: [{ school: 'Perelman School of Medicine' }],
    source: 'linkedin',
    status: 'replied',
    lastContactedAt: 7 * DAY,
    createdAt: 2_000,
  }),
  person('wl', 'Wen Li', {
    organization: 'northfield general hospital',
    notes: 'Talked about the stroke elective.',
    status: 'awaiting_reply',
    lastContactedAt: 5 * DAY,
    nextFollowUpAt: 2 * DAY,
    createdAt: 2_000,
  }),
  person('dc', 'de la Cruz, María José', { whereMet: { event: 'ACP Internal Medicine Meeting' }, createdAt: 2_000 }),
  person('ao', 'Ángel Ortiz', { tags: ['letter'], status: 'meeting' }),
];

beforeEach(async () => {
  await db.contacts.bulkAdd(PEOPLE);
});

/** What the list shows for a search and filters, sorted by name. */
async function search(query: string, filters: Filters = {}, now = 4 * DAY): Promise<readonly string[]> {
  const searched = await searchContacts(query, filters, 'name', now);
  if (searched) {
    expect(searched.complete).toBe(true);
    return searched.ids;
  }
  return keepMatching(await orderedIds('name'), await matchingIds(filters, now));
}

describe('search through the word index', () => {
  it('sorts its matches as the whole list is sorted', async () => {
    expect((await searchContacts('northfield', {}, 'name'))!.ids).toEqual(['hm', 'wl']);
    expect((await searchContacts('northfield', {}, 'nextFollowUp'))!.ids).toEqual(['wl', 'hm']);
    // "a": Ángel, ACP (where met), about (notes).
    expect((await searchContacts('a', {}, 'lastContact'))!.ids).toEqual(['wl', 'ao', 'dc']);
    expect((await searchContacts('a', {}, 'added'))!.ids).toEqual(['dc', 'wl', 'ao']);
  });

  it('hands back the records of its matches in the order of its ids, without the index fields, for one word or several', async () => {
    for (const [query, sort] of [['northfield', 'nextFollowUp'], ['a', 'added'], ['internal', 'name'], ['northfield wen', 'name'], ['letter', 'name']] as const) {
      const answer = (await searchContacts(query, {}, sort))!;
      expect(answer.contacts.map((c) => c.id)).toEqual(answer.ids);
      expect(answer.contacts).toEqual(await contactsByIds(answer.ids));
      for (const contact of answer.contacts) expect(contact).not.toHaveProperty('searchWords');
    }
    expect(await searchContacts(' ', {}, 'name')).toBeUndefined();
  });

  it('says when a word matches more people than it reads, and is exact as soon as one word is narrow', async () => {
    await db.contacts.bulkAdd(Array.from({ length: SEARCH_LIMIT + 10 }, (_, i) => person(`x${i}`, `Xavier Common ${i}`)));
    const broad = await searchContacts('xavier', {}, 'name');
    expect(broad!.complete).toBe(false);
    expect(broad!.ids).toHaveLength(SEARCH_LIMIT);
    expect(await searchContacts('xavier 205', {}, 'name')).toMatchObject({ complete: true, ids: ['x205'] });
    expect(await searchContacts('common', { status: 'meeting' }, 'name')).toMatchObject({ complete: false, ids: [] });
  });

  it('matches the start of any word, ignoring case and accents', async () => {
    expect(await search('mull')).toEqual(['hm']);
    expect(await search('MÜLLER')).toEqual(['hm']);
    expect(await search('angel')).toEqual(['ao']);
    expect(await search('maria jose')).toEqual(['dc']);
    // Words are matched from their start: the middle of a name is not a match.
    expect(await search('ller')).toEqual([]);
  });

  it('needs every word typed, each in any field: school, notes, tags, where met', async () => {
    expect(await search('perelman')).toEqual(['pr']);
    expect(await search('stroke elective')).toEqual(['wl']);
    expect(await search('neuro interview')).toEqual(['hm']);
    expect(await search('acp internal')).toEqual(['dc']);
    expect(await search('internal')).toEqual(['dc', 'pr']);
    expect(await search('internal ucsf')).toEqual(['pr']);
    expect(await search('northfield wen')).toEqual(['wl']);
    expect(await search('  ')).toEqual(['ao', 'dc', 'hm', 'pr', 'wl']);
  });

  it('follows edits: the words are recomputed on every write', async () => {
    await updateContact('pr', { notes: 'Asked for a letter' });
    expect(await search('letter')).toEqual(['ao', 'pr']);
    await updateContact('pr', { fullName: 'Priya Raman-Iyer' });
    expect(await search('iyer')).toEqual(['pr']);
  });
});

describe('filters', () => {
  it('by status, source, tag, organization, specialty and due follow-up, alone or together', async () => {
    expect(await search('', { status: 'awaiting_reply' })).toEqual(['hm', 'wl']);
    expect(await search('', { source: 'linkedin' })).toEqual(['pr']);
    expect(await search('', { tag: 'letter' })).toEqual(['ao']);
    expect(await search('', { organization: 'UCSF Health' })).toEqual(['pr']);
    expect(await search('', { specialty: 'Neurology' })).toEqual(['hm']);
    expect(await search('', { due: true })).toEqual(['wl']);
    expect(await search('', { due: true }, 10 * DAY)).toEqual(['hm', 'wl']);
    expect(await search('hannah', { status: 'awaiting_reply', due: true })).toEqual([]);
    expect(await matchingIds({})).toBeUndefined();
    expect(await searchContacts('  ', {}, 'name')).toBeUndefined();
  });
});

describe('sorts', () => {
  it('by name as people read it: case and accents do not move a name to the end', async () => {
    expect(await orderedIds('name')).toEqual(['ao', 'dc', 'hm', 'pr', 'wl']);
  });

  it('by last contact, newest first, names in order within a date, never contacted last by name', async () => {
    expect(await orderedIds('lastContact')).toEqual(['pr', 'hm', 'wl', 'ao', 'dc']);
  });

  it('by next follow-up, soonest first, those without one last', async () => {
    expect(await orderedIds('nextFollowUp')).toEqual(['wl', 'hm', 'ao', 'dc', 'pr']);
  });

  it('by date added, newest first, an import (one date) from A to Z', async () => {
    expect(await orderedIds('added')).toEqual(['hm', 'dc', 'pr', 'wl', 'ao']);
  });
});

describe('ids by name, a page at a time', () => {
  it('pages of any size, many people sharing one name across pages, add up to the whole name order', async () => {
    // Nine more people named alike: IndexedDB orders them by id, and a page may stop in the middle of them.
    await db.contacts.bulkAdd(['s9', 's1', 's5', 's3', 's7', 's2', 's8', 's4', 's6'].map((id) => person(id, 'Sam Lee')));
    const whole = await orderedIds('name');
    for (const size of [1, 2, 3, 4, 7, 14, 50]) {
      const ids: string[] = [];
      let page = await idsByNamePage(size);
      ids.push(...page.ids);
      while (page.next) {
        expect(page.ids.length).toBe(size);
        page = await idsByNamePage(size, page.next);
        ids.push(...page.ids);
      }
      expect(ids, `pages of ${size}`).toEqual(whole);
    }
  });
});

describe('counts, menus and the first page', () => {
  it('counts each status and the total through the indexes', async () => {
    expect(await pipelineCounts()).toEqual({
      total: 5,
      counts: { not_contacted: 1, awaiting_reply: 2, replied: 1, meeting: 1, closed: 0, no_response: 0 },
    });
  });

  it('offers each value in use once, in reading order', async () => {
    expect(await distinctValues('organization')).toEqual(['Northfield General Hospital', 'northfield general hospital', 'UCSF Health']);
    expect(await distinctValues('tags')).toEqual(['letter', 'Neuro interview day']);
    expect(await distinctValues('specialty')).toEqual(['Internal Medicine', 'Neurology']);
  });

  it('paints the first page in the same order as the full list', async () => {
    const contacts = await firstContacts(3);
    expect(contacts.map((c) => c.id)).toEqual((await orderedIds('name')).slice(0, 3));
  });

  it('reads the rows asked for, in their order, without the index fields', async () => {
    const rows = await contactsByIds(['wl', 'gone', 'hm']);
    expect(rows.map((c) => c.id)).toEqual(['wl', 'hm']);
    expect(rows[0]).toEqual(PEOPLE[2]);
    expect(rows[0]).not.toHaveProperty('searchWords');
    expect((await recentContacts(1)).map((c) => c.id)).toHaveLength(1);
  });
});

describe('the stored search fields', () => {
  it('fold the name for sorting and keep each word once, long notes capped', () => {
    const fields = searchFields({ fullName: 'Ángel Ortiz', tags: ['ortiz lab'], notes: Array.from({ length: 1_000 }, (_, i) => `w${i}`).join(' ') });
    expect(fields.sortName).toBe('angel ortiz');
    expect(fields.searchWords.slice(0, 3)).toEqual(['angel', 'ortiz', 'lab']);
    // The notes' opening words only (schema version 6): long notes no longer fill the index.
    expect(fields.searchWords.slice(3)).toEqual(Array.from({ length: MAX_NOTE_WORDS }, (_, i) => `w${i}`));
    expect(searchFields({ fullName: 'A', notes: 'w1 '.repeat(1_000) + 'late' }).searchWords).not.toContain('late');
  });

  it('are written with every contact and never read back', async () => {
    const raw = await new Promise<Record<string, unknown>>((resolve) => {
      const request = db.backendDB().transaction('contacts').objectStore('contacts').get('hm');
      request.onsuccess = () => resolve(request.result as Record<string, unknown>);
    });
    expect(raw.sortName).toBe('hannah muller');
    expect(raw.searchWords).toContain('northfield');
    expect(await db.contacts.get('hm')).toEqual(PEOPLE[0]);
    expect(await db.contacts.where('sortName').equalsIgnoreCase('Hannah Muller').first()).toEqual(PEOPLE[0]);
  });
});

/** Counts the records (not keys) each read hands back from the contacts table. */
function recordReads(): { reads: number[]; middleware: { stack: 'dbcore'; name: string; create(down: DBCore): DBCore } } {
  const reads: number[] = [];
  return {
    reads,
    middleware: {
      stack: 'dbcore',
      name: 'test-record-reads',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          if (name !== 'contacts') return table;
          return {
            ...table,
            get: (req) => table.get(req).then((value) => (reads.push(value ? 1 : 0), value)),
            getMany: (req) => table.getMany(req).then((values) => (reads.push(values.length), values)),
            query: (req) => table.query(req).then((res) => (req.values && reads.push(res.result.length), res)),
            openCursor: (req) => {
              if (req.values) reads.push(Infinity);
              return table.openCursor(req);
            },
          };
        },
      }),
    },
  };
}

describe('no whole-table read (RELIABILITY L2)', () => {
  const spy = recordReads();
  beforeEach(async () => {
    await db.contacts.bulkAdd(Array.from({ length: 600 }, (_, i) => person(`g${i}`, `Generated ${i}`, { organization: `Hospital ${i % 7}`, possibleDuplicateOf: i === 3 ? ['g4'] : undefined })));
    db.close();
    db.use(spy.middleware);
    await db.open();
    spy.reads.length = 0;
  });
  afterEach(async () => {
    db.close();
    db.unuse(spy.middleware);
    await db.open();
  });

  it('answers every list question from indexes, reading only the records on screen', async () => {
    await firstContacts(60);
    for (const sort of ['name', 'lastContact', 'nextFollowUp', 'added'] as const) await orderedIds(sort);
    const filters: Filters = { status: 'not_contacted', due: true, tag: 'letter', source: 'manual', organization: 'Hospital 1', specialty: 'x' };
    await matchingIds(filters);
    for (const sort of ['name', 'lastContact'] as const) await searchContacts('generated 4', filters, sort);
    // A word every contact has: the search still reads no more than its limit.
    const broad = await searchContacts('generated', {}, 'name');
    expect(broad).toMatchObject({ complete: false });
    expect(broad!.ids).toHaveLength(SEARCH_LIMIT);
    await pipelineCounts();
    await Promise.all([distinctValues('tags'), distinctValues('organization'), distinctValues('specialty')]);
    await programsIndex();
    await unlinkedOrganizations();
    const pairs = await duplicateCandidates();
    await contactsByIds((await orderedIds('name')).slice(100, 150));
    await recentContacts(50);
    expect(pairs.map((c) => c.id).sort()).toEqual(['g3', 'g4']);
    expect(spy.reads.length).toBeGreaterThan(0);
    // 605 contacts stored; the most any one read handed back is a search's limit, plus the one that says there are more.
    expect(Math.max(...spy.reads)).toBe(SEARCH_LIMIT + 1);
  });

  it('the spy does see a whole-table read', async () => {
    await db.contacts.toArray();
    expect(Math.max(...spy.reads)).toBe(605);
  });
});
