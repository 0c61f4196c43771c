/** The background empties trash older than 30 days when it starts and on its hourly alarm. */
import { expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../../entrypoints/background';
import { db } from '../../../storage/db';
import { Contact } from '../../../model/schemas';
import { eventually } from '../wait';

const DAY = 24 * 60 * 60 * 1000;

function entry(id: string, deletedAt: number) {
  const contact = Contact.parse({ id, source: 'manual', fullName: id, createdAt: 1, updatedAt: 1 });
  return { id, deletedAt, contact, interactions: [] };
}

it('purges expired trash at start-up and on the hourly alarm, keeping recent entries', async () => {
  Object.assign(fakeBrowser.action, { setIcon: vi.fn(async () => undefined) });
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  await db.trash.bulkAdd([entry('old', Date.now() - 31 * DAY), entry('recent', Date.now() - DAY)]);
  background.main();
  await eventually(async () => expect(await db.trash.get('old')).toBeUndefined());
  expect(await db.trash.get('recent')).toBeDefined();

  await db.trash.add(entry('older', Date.now() - 40 * DAY));
  await fakeBrowser.alarms.onAlarm.trigger({ name: 'followups', scheduledTime: Date.now(), periodInMinutes: 60 });
  await eventually(async () => expect(await db.trash.get('older')).toBeUndefined());
  expect(await db.trash.get('recent')).toBeDefined();
});
