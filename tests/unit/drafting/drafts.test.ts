// @vitest-environment node (no DOM reached but the page's localStorage: see vitest.config.ts)
import '../page-storage';
import { describe, expect, it } from 'vitest';
import { dueAfter } from '../../../followups/rules';
import { saveCapture } from '../../../storage/contacts';
import { clearDraft, getDraft, recordSent, saveDraft } from '../../../storage/drafts';
import { db } from '../../../storage/db';
import { listInteractions } from '../../../storage/interactions';
import { updateSettings } from '../../../storage/settings';
import { capture } from '../helpers';

describe('drafts', () => {
  it('are kept per contact until cleared', async () => {
    await saveDraft({ contactId: 'a', templateId: 'builtin:alumni', format: 'linkedin_message', body: 'Hi {{firstName}}\n', personal: 'p', values: { specialty: 'IM' } }, 5);
    await saveDraft({ contactId: 'b', body: 'Other' }, 6);
    expect(await getDraft('a')).toEqual({
      contactId: 'a',
      templateId: 'builtin:alumni',
      format: 'linkedin_message',
      subject: '',
      body: 'Hi {{firstName}}\n',
      personal: 'p',
      values: { specialty: 'IM' },
      updatedAt: 5,
    });
    expect((await getDraft('b'))?.body).toBe('Other');
    await clearDraft('a');
    expect(await getDraft('a')).toBeUndefined();
    expect(await getDraft('b')).toBeDefined();
  });

  it('refuse malformed values and ignore a stored draft that no longer parses', async () => {
    await expect(saveDraft({ contactId: 'a', body: 'x', values: { 'bad name': 'x' } })).rejects.toThrow();
    await db.settings.put({ key: 'draft:a', value: { contactId: 'a', body: 42 } });
    expect(await getDraft('a')).toBeUndefined();
  });

  it('marking as sent logs the text, channel and template, starts the follow-up clock and drops the draft', async () => {
    await updateSettings({ followUpDays: 5 });
    const { contact } = await saveCapture(capture(), 1_000);
    await saveDraft({ contactId: contact.id, body: 'Hi' });
    const at = new Date(2026, 2, 10, 15, 30).getTime();
    const result = await recordSent(contact.id, { kind: 'message_sent', channel: 'linkedin', text: 'Hi Priya', templateId: 'builtin:alumni' }, at);
    expect(result.contact).toMatchObject({ status: 'awaiting_reply', nextFollowUpAt: dueAfter(at, 5), lastContactedAt: at });
    expect(await listInteractions(contact.id)).toEqual([
      expect.objectContaining({ kind: 'message_sent', channel: 'linkedin', text: 'Hi Priya', templateId: 'builtin:alumni', at }),
    ]);
    expect(await getDraft(contact.id)).toBeUndefined();
  });

  it('keeps the draft when the contact is gone and nothing could be logged', async () => {
    await saveDraft({ contactId: 'gone', body: 'Hi' });
    await expect(recordSent('gone', { kind: 'message_sent', channel: 'email', text: 'Hi' })).rejects.toThrow('no longer exists');
    expect(await getDraft('gone')).toBeDefined();
  });
});
