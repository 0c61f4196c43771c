import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { db } from '../../../storage/db';
import { Contact } from '../../../model/schemas';
import { guessMapping, mappingProblem } from '../../../portability/csv-columns';
import { contactsToCsv } from '../../../portability/csv-export';
import { importCsvRows, previewRows } from '../../../portability/csv-import';
import { readCsv } from '../../../portability/csv-read';
import { admitFile, decodeText } from '../../../portability/detect';
import { formatEducation, parseEducation } from '../../../portability/education-text';
import { applyContactImport, previewContactImport } from '../../../storage/import-contacts';
import { snapshot } from '../helpers';
import { HOSTILE, fullContact } from './seed';
import { ImportFailure } from '../../../portability/issues';
import { saidFailure, saidIssues, saidSkips } from './said';
import { say } from '../../../model/user-text';

function parseExport(csv: string) {
  return Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
}

describe('CSV export', () => {
  it('writes UTF-8 with a BOM, one row per contact, lists flattened', () => {
    const csv = contactsToCsv([fullContact(), Contact.parse({ id: 'x', source: 'manual', fullName: 'Wen Li', createdAt: 1, updatedAt: 1 })]);
    expect(csv.startsWith('\uFEFFFull name,First name,Last name,')).toBe(true);
    const [header, first, second, ...rest] = parseExport(csv);
    expect(rest).toEqual([]);
    const cell = (row: string[] | undefined, name: string) => row?.[header!.indexOf(name)];
    expect(cell(first, 'Full name')).toBe('María José de la Cruz');
    expect(cell(first, 'Credentials')).toBe('MD, PhD');
    expect(cell(first, 'Tags')).toBe('cardio; Paris, France; élève');
    expect(cell(first, 'Education')).toBe('Université Paris Cité — MD — 2015–2021; Sorbonne — –2014');
    expect(cell(first, 'Status')).toBe('Awaiting reply');
    expect(cell(first, 'Connected on')).toBe('2024-08-14');
    expect(cell(first, 'Notes')).toContain('\n');
    expect(cell(second, 'Full name')).toBe('Wen Li');
    expect(cell(second, 'Credentials')).toBe('');
  });

  it('neutralises cells a spreadsheet would run as formulas, multi-line ones too', () => {
    const csv = contactsToCsv([fullContact({ fullName: '=HYPERLINK("http://evil","x")', notes: '=1+1\nsecond line', phone: '+33 1' })]);
    const [header, row] = parseExport(csv);
    expect(row?.[header!.indexOf('Full name')]).toBe('\'=HYPERLINK("http://evil","x")');
    expect(row?.[header!.indexOf('Notes')]).toBe("'=1+1\nsecond line");
    expect(row?.[header!.indexOf('Phone')]).toBe("'+33 1");
  });

  it('education reads back what it wrote', () => {
    const education = fullContact().education;
    expect(parseEducation(formatEducation(education))).toEqual(education);
    expect(parseEducation('Harvard Medical School; Yale — BA — 2012')).toEqual([
      { school: 'Harvard Medical School' },
      { school: 'Yale', degree: 'BA', endYear: 2012 },
    ]);
  });
});

describe('CSV import', () => {
  it('imports its own export back with no mapping by hand, every field it carries intact', async () => {
    const original = fullContact();
    const csv = contactsToCsv([original]);
    const table = readCsv(csv);
    const mapping = guessMapping(table.header);
    expect(mapping).toContain('profile');
    expect(mappingProblem(mapping)).toBeUndefined();
    // Source, times and follow-up dates are the record's own, not importable.
    expect(table.header.filter((_, i) => !mapping[i])).toEqual(['Source', 'Created', 'Last contacted', 'Next follow-up']);
    const parsed = importCsvRows(table, mapping);
    expect(parsed.issues).toEqual([]);
    const plan = await applyContactImport(parsed, { now: 9 });
    expect(plan.add).toHaveLength(1);
    const stored = (await db.contacts.get(original.id))!;
    for (const field of [
      'fullName', 'firstName', 'lastName', 'honorific', 'credentials', 'pronouns', 'headline', 'title', 'organization',
      'specialty', 'subspecialty', 'location', 'email', 'phone', 'profiles', 'tags', 'status', 'whereMet', 'connectedOn',
      'education', 'notes', 'photoUrl',
    ] as const) {
      expect(stored[field], field).toEqual(original[field]);
    }
    expect(stored.identities).toEqual(['linkedin:maria-jose', 'web:https://example.org/maria?x=1&y=2']);
    // Importing it again matches by record id and adds nothing.
    const again = await previewContactImport(importCsvRows(table, mapping));
    expect([again.add.length, again.update.length, again.skip.length]).toEqual([0, 0, 1]);
  });

  it('guesses a spreadsheet’s columns from synonyms and previews the first rows', () => {
    const table = readCsv('Name;E-mail Address;Company;LinkedIn URL;Comments;Favourite colour\nDr. Ana Souza, MD;ana@example.org;Hospital X;https://linkedin.com/in/ana-souza;hi;blue\n');
    expect(guessMapping(table.header)).toEqual(['fullName', 'email', 'organization', 'profile', 'notes', undefined]);
    expect(previewRows(table)).toEqual([['Dr. Ana Souza, MD', 'ana@example.org', 'Hospital X', 'https://linkedin.com/in/ana-souza', 'hi', 'blue']]);
    const parsed = importCsvRows(table, guessMapping(table.header));
    expect(parsed.incoming[0]?.draft).toMatchObject({
      fullName: 'Ana Souza',
      honorific: 'Dr.',
      credentials: ['MD'],
      profiles: { linkedin: 'https://www.linkedin.com/in/ana-souza/' },
    });
  });

  it('needs a name column; skips nameless rows; reports bad values by row and column', async () => {
    expect(say(mappingProblem(guessMapping(['Email', 'Company']))!)).toMatch(/name/);
    expect(mappingProblem(['fullName', 'fullName'])).toEqual({ key: 'portability.mapping.twice', values: { target: 'fullName' } });
    const table = readCsv(
      'Name,Email,Status,Profile,Connected on\nAna,ana@x.org,Replied,,\n,,,,\nBo,bo@,Weird,javascript:alert(1),someday\nCy,,,,\n,orphan@x.org,,,\n',
    );
    const parsed = importCsvRows(table, guessMapping(table.header));
    expect(parsed.rows).toBe(4);
    expect(parsed.incoming.map((i) => i.draft.fullName)).toEqual(['Ana', 'Cy']);
    expect(saidSkips(parsed.skipped)).toEqual([{ row: 5, name: 'orphan@x.org', reason: 'The row has no name, so it was not imported.' }]);
    expect(saidIssues(parsed.issues)).toEqual([
      { row: 3, field: 'Status', message: expect.stringContaining('“Weird” is not a status') },
      { row: 3, field: 'Connected on', message: expect.stringContaining('“someday”') },
    ]);
    await expect(applyContactImport(parsed)).rejects.toThrow(/Nothing was imported/);
    expect(await db.contacts.count()).toBe(0);
    const second = importCsvRows(readCsv('Name,Email,Profile\nBo,bo@,javascript:alert(1)\n'), ['fullName', 'email', 'profile']);
    expect(saidIssues(second.issues)).toEqual([
      { row: 1, field: 'Profile', message: 'must be an http(s) link' },
      { row: 1, field: 'Email', message: 'This is not an email address.' },
    ]);
    const third = importCsvRows(readCsv('Name,Email\nBo,bo@\n'), ['fullName', 'email']);
    expect(third.issues).toEqual([expect.objectContaining({ row: 1, field: 'Email' })]);
  });

  it('matches rows to saved contacts and to each other, and fills empty fields only', async () => {
    await db.contacts.add(fullContact({ id: 'saved', email: undefined, organization: 'Kept' }));
    const table = readCsv(
      'Name,Email,Organization,LinkedIn,Tags\nMaria,maria@new.org,Other,https://www.linkedin.com/in/maria-jose,new\nMaría again,,,https://linkedin.com/in/MARIA-JOSE/,\nAna,ana@x.org,,,\nAna B,ANA@x.org,,,\n',
    );
    const plan = await previewContactImport(importCsvRows(table, guessMapping(table.header)), 7);
    expect(plan.update).toHaveLength(1);
    expect(plan.update[0]!.after).toMatchObject({ id: 'saved', email: 'maria@new.org', organization: 'Kept', fullName: 'María José de la Cruz' });
    expect(plan.update[0]!.fields).toEqual(['email', 'tags']);
    expect(plan.add.map((c) => c.fullName)).toEqual(['Ana']);
    expect(saidSkips(plan.skip).map((s) => s.reason)).toEqual(['The same person as row 1.', 'The same person as row 3.']);
  });

  it('refuses a broken quote, an empty file, a header alone and too large a file, writing nothing', async () => {
    await db.contacts.add(fullContact());
    const before = JSON.stringify(await snapshot());
    expect(() => readCsv('Name,Notes\nAna,"unclosed\nBo,x\n')).toThrow(/not valid CSV \(first problem in row 1\)/);
    try {
      readCsv('Name,Notes\nAna,"unclosed\nBo,x\n');
    } catch (failure) {
      expect(saidFailure(failure as ImportFailure)).toMatch(/Row 1: a quoted value is never closed/);
    }
    expect(() => readCsv('')).toThrow('The file is empty.');
    expect(() => readCsv('\uFEFF\r\n\r\n')).toThrow('The file is empty.');
    expect(() => readCsv('Name,Email\r\n')).toThrow(/header but no rows/);
    expect(admitFile({ name: 'big.csv', size: 50 * 1024 * 1024, head: 'Name,Email\n' })).toMatchObject({ ok: false, text: { key: 'portability.tooBig', values: { size: '50 MB', kind: 'CSV', max: '25 MB' } } });
    expect(admitFile({ name: 'x.csv', size: 0, head: '' })).toEqual({ ok: false, text: { key: 'portability.fileEmpty' } });
    expect(admitFile({ name: 'x.bin', size: 10, head: '\u0000\u0001garbage' })).toMatchObject({ ok: false, text: { key: 'portability.notText' } });
    expect(admitFile({ name: 'people.xlsx', size: 10, head: 'PK' })).toMatchObject({ ok: false });
    expect(JSON.stringify(await snapshot())).toBe(before);
  });

  it('decodes UTF-8, UTF-16 and Windows-1252 files', () => {
    const utf8 = new TextEncoder().encode('\uFEFFName\nMüller\n');
    // The BOM goes with the decoding.
    expect(decodeText(utf8)).toBe('Name\nMüller\n');
    expect(decodeText(new Uint8Array([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]))).toBe('Müller');
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x4d, 0x00, 0xfc, 0x00]))).toBe('Mü');
  });

  it('keeps hostile text as inert text', () => {
    const table = readCsv(contactsToCsv([fullContact({ notes: HOSTILE })]));
    const parsed = importCsvRows(table, guessMapping(table.header));
    expect(parsed.incoming[0]?.draft.notes).toBe(HOSTILE.replace('\u200D', ''));
  });
});
