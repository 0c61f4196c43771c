// @vitest-environment node (no DOM reached but the page's localStorage: see vitest.config.ts)
import '../page-storage';
import { describe, expect, it } from 'vitest';
import { db } from '../../../storage/db';
import { deleteContact, restoreContact, saveCapture } from '../../../storage/contacts';
import { emptyTrash, listTrash, purgeAt, purgeExpiredTrash } from '../../../storage/trash';
import { capture } from '../helpers';

const DAY = 24 * 60 * 60 * 1000;

async function trashed(slug: string, deletedAt: number) {
  const { contact } = await saveCapture(capture({ fullName: slug, profileUrl: `https://www.linkedin.com/in/${slug}/` }));
  await deleteContact(contact.id, deletedAt);
  return contact.id;
}

describe('trash', () => {
  it('lists the most recently deleted first, and restores', async () => {
    const old = await trashed('old', 1_000);
    const recent = await trashed('recent', 2_000);
    expect((await listTrash()).map((e) => e.id)).toEqual([recent, old]);
    await restoreContact(old);
    expect(await db.contacts.get(old)).toBeDefined();
    expect((await listTrash()).map((e) => e.id)).toEqual([recent]);
  });

  it('purges entries older than 30 days, and empties by hand', async () => {
    const now = 100 * DAY;
    const expired = await trashed('expired', now - 31 * DAY);
    const kept = await trashed('kept', now - 29 * DAY);
    expect(purgeAt(now - 29 * DAY)).toBe(now + DAY);
    expect(await purgeExpiredTrash(now)).toBe(1);
    expect(await db.trash.get(expired)).toBeUndefined();
    expect(await db.trash.get(kept)).toBeDefined();
    expect(await emptyTrash(now - 30 * DAY)).toBe(0);
    expect(await emptyTrash()).toBe(1);
    expect(await db.trash.count()).toBe(0);
    // Emptying the trash never touches saved contacts.
    await saveCapture(capture());
    await emptyTrash();
    expect(await db.contacts.count()).toBe(1);
  });
});
