import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { db } from '../../../storage/db';
import { saveCapture, updateContact } from '../../../storage/contacts';
import { parseDay } from '../../../portability/dates';
import { admitFile } from '../../../portability/detect';
import { applyContactImport, previewContactImport } from '../../../storage/import-contacts';
import { ImportFailure } from '../../../portability/issues';
import { parseConnections } from '../../../portability/linkedin-connections';
import { capture, snapshot } from '../helpers';
import { saidFailure, saidIssues, saidSkips } from './said';

const dir = resolve(import.meta.dirname, '../../fixtures/imports');
const csv = readFileSync(resolve(dir, 'Connections.csv'), 'utf8');
const expected = JSON.parse(readFileSync(resolve(dir, 'Connections.json'), 'utf8')) as {
  rows: number;
  importable: number;
  expect: { fullName: string; credentials?: string[]; profileUrl: string; email?: string; organization?: string; title?: string; connectedOn: string }[];
};

describe('LinkedIn Connections.csv', () => {
  it('is recognised from its first bytes, BOM and notes included', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(admitFile({ name: 'Connections.csv', size: csv.length, head: csv })).toEqual({ ok: true, kind: 'connections' });
  });

  it('yields what the fixture expects, and skips the nameless row with a note', () => {
    const parsed = parseConnections(csv);
    expect(parsed.rows).toBe(expected.rows);
    expect(parsed.issues).toEqual([]);
    expect(parsed.incoming).toHaveLength(expected.importable);
    parsed.incoming.forEach((incoming, i) => {
      const want = expected.expect[i]!;
      const c = incoming.draft;
      expect(c.fullName).toBe(want.fullName);
      expect(c.credentials).toEqual(want.credentials ?? []);
      expect(c.profiles.linkedin).toBe(want.profileUrl);
      expect(c.email).toBe(want.email);
      expect(c.organization).toBe(want.organization);
      expect(c.title).toBe(want.title);
      expect(c.connectedOn).toBe(want.connectedOn);
      expect(c.source).toBe('import');
    });
    expect(parsed.incoming[0]!.draft).toMatchObject({ firstName: 'Priya', lastName: 'Raman' });
    expect(saidSkips(parsed.skipped)).toEqual([
      { row: 6, name: 'https://www.linkedin.com/in/private-member-8a7b6c', reason: expect.stringMatching(/no name/) },
    ]);
  });

  it('imports once; importing again adds nothing', async () => {
    const first = await applyContactImport(parseConnections(csv), { now: 1_000 });
    expect(first.add).toHaveLength(5);
    const stored = await db.contacts.toArray();
    expect(stored).toHaveLength(5);
    const priya = stored.find((c) => c.fullName === 'Priya Raman')!;
    expect(priya).toMatchObject({
      source: 'import',
      identities: ['linkedin:priya-raman-md'],
      profiles: { linkedin: 'https://www.linkedin.com/in/priya-raman-md/' },
      connectedOn: '2024-08-14',
      createdAt: 1_000,
    });
    const before = await snapshot();
    const preview = await previewContactImport(parseConnections(csv), 2_000);
    expect(preview.add).toHaveLength(0);
    expect(preview.update).toHaveLength(0);
    expect(preview.skip).toHaveLength(6);
    const again = await applyContactImport(parseConnections(csv), { now: 2_000 });
    expect(again.add).toHaveLength(0);
    expect(await snapshot()).toEqual(before);
  });

  it('fills only the empty fields of a saved contact, never a field the user edited', async () => {
    const saved = await saveCapture(capture({ organization: undefined, title: 'Resident' }));
    await updateContact(saved.contact.id, { email: undefined, location: 'Oakland' });
    await updateContact(saved.contact.id, { headline: '' });
    const plan = await applyContactImport(parseConnections(csv), { now: 5_000 });
    expect(plan.add).toHaveLength(4);
    expect(plan.update).toHaveLength(1);
    const after = await db.contacts.get(saved.contact.id);
    expect(after).toMatchObject({
      fullName: 'Priya Raman',
      organization: 'UCSF Health',
      title: 'Resident',
      location: 'Oakland',
      connectedOn: '2024-08-14',
      source: 'linkedin',
      updatedAt: 5_000,
    });
    expect(await db.contacts.count()).toBe(5);
  });

  it('reports each bad row by column, and then writes nothing', async () => {
    await saveCapture(capture());
    const before = await snapshot();
    const bad = csv
      .replace('14 Aug 2024', '32 Aug 2024')
      .replace('https://www.linkedin.com/in/wen-li-neuro', 'https://evil.example/in/wen')
      .replace('sofia.reyes@example.com', 'not-an-email');
    const parsed = parseConnections(bad);
    expect(saidIssues(parsed.issues)).toEqual([
      { row: 1, field: 'Connected On', message: '“32 Aug 2024” is not a date such as 14 Aug 2024.' },
      { row: 4, field: 'URL', message: 'This is not a LinkedIn profile link.' },
      expect.objectContaining({ row: 5, field: 'Email Address' }),
    ]);
    await expect(applyContactImport(parsed)).rejects.toThrow(/Nothing was imported: there are 3 problems/);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a broken quote, a header alone, an empty file and a CSV that is not Connections', async () => {
    const header = csv.slice(0, csv.indexOf('Connected On') + 'Connected On'.length) + '\r\n';
    expect(() => parseConnections(header)).toThrow(/header but no rows/);
    expect(() => parseConnections('\uFEFF')).toThrow(/empty/);
    expect(() => parseConnections('Name,Email\nA,b@c.d\n')).toThrow(/not LinkedIn’s Connections.csv/);
    const broken = csv.replace('"Resident Physician, Internal Medicine"', '"Resident Physician, Internal Medicine');
    expect(() => parseConnections(broken)).toThrow(ImportFailure);
    expect(() => parseConnections(broken)).toThrow('not valid CSV (first problem in row 1)');
    try {
      parseConnections(broken);
    } catch (failure) {
      expect(saidFailure(failure as ImportFailure)).toMatch('Row 1: a quoted value is not closed properly');
    }
  });
});

describe('dates', () => {
  it('reads LinkedIn’s and other unambiguous forms', () => {
    expect(parseDay('14 Aug 2024')).toBe('2024-08-14');
    expect(parseDay('02 Jan 2023')).toBe('2023-01-02');
    expect(parseDay('Aug 14, 2024')).toBe('2024-08-14');
    expect(parseDay('2024-8-4')).toBe('2024-08-04');
    expect(parseDay('30 September 2025')).toBe('2025-09-30');
    expect(parseDay('29 Feb 2023')).toBeUndefined();
    expect(parseDay('08/14/2024')).toBeUndefined();
    expect(parseDay('14 Foo 2024')).toBeUndefined();
  });
});
