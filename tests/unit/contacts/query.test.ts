import { describe, expect, it } from 'vitest';
import { byOrganization, distinctValues, filterContacts, fold, indexContacts, sortContacts, statusCounts } from '../../../contacts/query';
import { Contact, type ContactInput } from '../../../storage/schemas';

let n = 0;
function contact(input: Partial<ContactInput>): Contact {
  n += 1;
  return Contact.parse({ id: `c${n}`, source: 'manual', fullName: `Person ${n}`, createdAt: n, updatedAt: n, ...input });
}

const people = [
  contact({ fullName: 'Hannah Müller', lastName: 'Müller', organization: 'Northfield General Hospital', status: 'meeting', tags: ['IM'] }),
  contact({ fullName: 'Wen Li', lastName: 'Li', organization: 'northfield general hospital', notes: 'Stroke elective', lastContactedAt: 50 }),
  contact({ fullName: 'Priya Raman', lastName: 'Raman', organization: 'UCSF Health', status: 'awaiting_reply', nextFollowUpAt: 10, education: [{ school: 'Perelman School of Medicine' }] }),
  contact({ fullName: 'Sofía Reyes', lastName: 'Reyes', specialty: 'Pediatrics', source: 'linkedin', lastContactedAt: 90 }),
];
const index = indexContacts(people);
const names = (list: Contact[]) => list.map((c) => c.fullName);

describe('contact search', () => {
  it('folds case and accents', () => {
    expect(fold('Sofía MÜLLER')).toBe('sofia muller');
    expect(names(filterContacts(index, 'muller', {}, 0))).toEqual(['Hannah Müller']);
    expect(names(filterContacts(index, 'SOFIA', {}, 0))).toEqual(['Sofía Reyes']);
  });

  it('matches every word across fields: school, notes, tags', () => {
    expect(names(filterContacts(index, 'perelman raman', {}, 0))).toEqual(['Priya Raman']);
    expect(names(filterContacts(index, 'stroke', {}, 0))).toEqual(['Wen Li']);
    expect(names(filterContacts(index, 'im', {}, 0))).toContain('Hannah Müller');
    expect(filterContacts(index, 'nobody here', {}, 0)).toEqual([]);
  });

  it('filters by status, source, specialty and due follow-ups', () => {
    expect(names(filterContacts(index, '', { status: 'meeting' }, 0))).toEqual(['Hannah Müller']);
    expect(names(filterContacts(index, '', { source: 'linkedin' }, 0))).toEqual(['Sofía Reyes']);
    expect(names(filterContacts(index, '', { specialty: 'Pediatrics' }, 0))).toEqual(['Sofía Reyes']);
    expect(filterContacts(index, '', { due: true }, 9)).toEqual([]);
    expect(names(filterContacts(index, '', { due: true }, 10))).toEqual(['Priya Raman']);
  });
});

describe('sorting and summaries', () => {
  it('sorts by name, by last contact (newest first, missing last) and by next follow-up', () => {
    expect(names(sortContacts([...people], 'name'))).toEqual(['Hannah Müller', 'Priya Raman', 'Sofía Reyes', 'Wen Li']);
    expect(names(sortContacts([...people], 'lastContact')).slice(0, 2)).toEqual(['Sofía Reyes', 'Wen Li']);
    expect(names(sortContacts([...people], 'nextFollowUp'))[0]).toBe('Priya Raman');
    expect(names(sortContacts([...people], 'added'))[0]).toBe('Sofía Reyes');
  });

  it('counts statuses and groups organizations regardless of case', () => {
    expect(statusCounts(people)).toMatchObject({ meeting: 1, awaiting_reply: 1, not_contacted: 2, replied: 0 });
    const [northfield] = byOrganization(people);
    expect(northfield?.contacts).toHaveLength(2);
    expect(northfield?.counts).toMatchObject({ meeting: 1, not_contacted: 1 });
    expect(distinctValues(people, (c) => c.tags)).toEqual(['IM']);
  });
});
