import { describe, expect, it } from 'vitest';
import { db } from '../../../storage/db';
import { BACKUP_VERSION, parseBackup, serializeBackup, type Backup } from '../../../portability/backup-format';
import { exportBackup } from '../../../storage/backup-export';
import { admitFile } from '../../../portability/detect';
import { ImportFailure, describeIssue } from '../../../portability/issues';
import { applyRestore, previewRestore } from '../../../storage/restore';
import { say } from '../../../model/user-text';
import { snapshot } from '../helpers';
import { fullContact, seedStore } from './seed';

async function wipe() {
  await Promise.all(db.tables.map((t) => t.clear()));
}

async function backupText(): Promise<string> {
  return serializeBackup(await exportBackup({ now: Date.UTC(2025, 8, 30), appVersion: '0.1.0' }));
}

/** Asserts that restoring `text` fails with a message matching `message` and changes nothing. */
async function expectRefused(text: string, message: RegExp) {
  const before = JSON.stringify(await snapshot());
  let error: unknown;
  try {
    await applyRestore(parseBackup(text), 'replace');
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ImportFailure);
  // What the wizard shows: the failure, then its report lines.
  const failure = error as ImportFailure;
  expect([failure.message, ...failure.issues.map(describeIssue)].join('\n')).toMatch(message);
  expect(JSON.stringify(await snapshot())).toBe(before);
}

describe('backup round trip', () => {
  it('restores every table and every field exactly, after a wipe', async () => {
    await seedStore();
    const before = await snapshot();
    const text = await backupText();
    expect(JSON.parse(text)).toMatchObject({ format: 'rapport-backup', version: BACKUP_VERSION, exportedAt: '2025-09-30T00:00:00.000Z' });
    await wipe();
    expect((await snapshot()).contacts).toEqual([]);
    const plan = await applyRestore(parseBackup(text), 'replace');
    expect(plan.contacts.add).toHaveLength(2);
    expect(await snapshot()).toEqual(before);
    // And the trash entry can still be restored.
    expect((await db.trash.get('c-trash'))?.interactions).toHaveLength(1);
  });

  it('merging a backup into the same store adds nothing and changes nothing', async () => {
    await seedStore();
    const before = await snapshot();
    const backup = parseBackup(await backupText());
    const preview = await previewRestore(backup, 'merge');
    expect(preview.contacts.add).toHaveLength(0);
    expect(preview.contacts.skip).toHaveLength(2);
    await applyRestore(backup, 'merge');
    expect(await snapshot()).toEqual(before);
  });

  it('merge matches by profile identity, keeps the newer copy, and moves the timeline to the saved id', async () => {
    await seedStore();
    const backup = parseBackup(await backupText());
    // Another install saved the same person under another id, edited later.
    const other = fullContact({ id: 'other-id', title: 'Attending', updatedAt: 1_800_000_000_000, tags: ['new-tag'] });
    const merged: Backup = {
      ...backup,
      contacts: [other],
      interactions: [{ id: 'i-other', contactId: 'other-id', kind: 'call', channel: 'phone', at: 99 }],
      templates: [],
      trash: [],
    };
    const plan = await applyRestore(merged, 'merge');
    expect(plan.contacts.update).toHaveLength(1);
    const saved = await db.contacts.get('c-full');
    expect(saved?.title).toBe('Attending');
    expect(saved?.tags).toEqual(['new-tag', 'cardio', 'Paris, France', 'élève']);
    expect(await db.contacts.get('other-id')).toBeUndefined();
    expect((await db.interactions.get('i-other'))?.contactId).toBe('c-full');
    // The current settings are kept on merge.
    expect((await db.settings.get('settings'))?.value).toMatchObject({ followUpDays: 5 });
  });

  it('the dry run writes nothing', async () => {
    const backup = parseBackup(await (async () => {
      await seedStore();
      const text = await backupText();
      await wipe();
      return text;
    })());
    const plan = await previewRestore(backup, 'replace');
    expect(plan.contacts.add).toHaveLength(2);
    expect(await db.contacts.count()).toBe(0);
  });
});

describe('malformed backups change nothing', () => {
  it('a truncated file', async () => {
    await seedStore();
    const text = await backupText();
    await expectRefused(text.slice(0, Math.floor(text.length / 2)), /not complete JSON.*cut short/);
  });

  it('a backup from a future version', async () => {
    await seedStore();
    const json = JSON.parse(await backupText());
    await expectRefused(JSON.stringify({ ...json, version: BACKUP_VERSION + 1 }), /newer version of Rapport \(backup format 3/);
  });

  it('wrong types, named by section, position and field', async () => {
    await seedStore();
    const json = JSON.parse(await backupText());
    json.contacts[1].createdAt = 'yesterday';
    json.interactions = 'none';
    json.templates[0].channel = 'fax';
    try {
      parseBackup(JSON.stringify(json));
      expect.unreachable();
    } catch (e) {
      const failure = e as ImportFailure;
      expect(failure.issues).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ section: 'contacts', row: 2, field: 'createdAt' }),
          expect.objectContaining({ section: 'file', field: 'interactions' }),
          expect.objectContaining({ section: 'templates', row: 1, field: 'channel' }),
        ]),
      );
    }
    await expectRefused(JSON.stringify(json), /Nothing was imported: there are 3 problems/);
  });

  it('hostile links, duplicate ids and a __proto__ key', async () => {
    await seedStore();
    const json = JSON.parse(await backupText());
    json.contacts[0].photoUrl = 'javascript:alert(1)';
    json.contacts.push({ ...json.contacts[1] });
    const text = JSON.stringify(json).replace('"format"', '"__proto__":{"polluted":true},"format"');
    await expectRefused(text, /Nothing was imported/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    try {
      parseBackup(text);
    } catch (e) {
      expect((e as ImportFailure).issues).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ section: 'contacts', row: 1, field: 'photoUrl' }),
          expect.objectContaining({ section: 'contacts', row: 3, field: 'id', text: { key: 'portability.backup.sameId', values: { section: 'contacts', row: 2 } } }),
        ]),
      );
    }
  });

  it('an empty file, a JSON that is not a backup, an orphan interaction', async () => {
    await seedStore();
    await expectRefused('', /empty/);
    await expectRefused('{"hello":"world"}', /not a Rapport backup/);
    await expectRefused('[1,2,3]', /not a Rapport backup/);
    const json = JSON.parse(await backupText());
    json.interactions.push({ id: 'orphan', contactId: 'nobody', kind: 'note', channel: 'other', at: 1 });
    await expectRefused(JSON.stringify(json), /interactions #3, contactId: refers to no contact/);
  });

  it('50 MB of garbage is refused from its size, before it is read', () => {
    const admission = admitFile({ name: 'backup.json', size: 50 * 1024 * 1024, head: '\u00e9\u00ff garbage {{{' });
    expect(admission.ok).toBe(false);
    expect(!admission.ok && say(admission.text)).toMatch(/50 MB.*up to 25 MB/);
    // A real backup that large is still accepted.
    expect(admitFile({ name: 'b.json', size: 50 * 1024 * 1024, head: '{"format":"rapport-backup","version":1' })).toEqual({ ok: true, kind: 'backup' });
  });
});
