// @vitest-environment node (no DOM reached but the page's localStorage: see vitest.config.ts)
/**
 * RELIABILITY S4 (the storage half): every stored link is http(s), and a
 * profile link must belong to its site; the hostile links a page or a file
 * can carry are refused before they are written.
 */
import '../page-storage';
import { describe, expect, it } from 'vitest';
import { addContact, saveCapture, updateContact } from '../../../storage/contacts';
import { db } from '../../../storage/db';
import { Capture, Contact, Profiles } from '../../../model/schemas';
import { capture, snapshot } from '../helpers';

const HOSTILE_LINKS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:image/svg+xml,<svg onload=alert(1)>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'chrome-extension://abc/popup.html',
  'blob:https://www.linkedin.com/uuid',
  'ftp://example.com/x',
  '//evil.io/in/x',
  'not a link',
  '',
];

describe('profile links', () => {
  it.each([
    ['linkedin', 'https://www.linkedin.com/in/x/'],
    ['linkedin', 'https://linkedin.com/in/x'],
    ['linkedin', 'https://fr.linkedin.com/in/x'],
    ['linkedin', 'http://WWW.LINKEDIN.COM/in/x'],
    ['doximity', 'https://www.doximity.com/pub/x'],
    ['doximity', 'https://doximity.com/profiles/x'],
    ['web', 'https://med.example.edu/people/x'],
  ])('%s accepts %s', (site, url) => {
    expect(Profiles.safeParse({ [site]: url }).success).toBe(true);
  });

  it.each([
    ['linkedin', 'https://linkedin.com.evil.io/in/x'],
    ['linkedin', 'https://evil-linkedin.com/in/x'],
    ['linkedin', 'https://www.linkedin.co/in/x'],
    ['linkedin', 'https://linkedin.com@evil.io/in/x'],
    ['linkedin', 'https://www.doximity.com/pub/x'],
    ['doximity', 'https://doximity.com.evil.io/pub/x'],
    ['doximity', 'https://www.linkedin.com/in/x'],
    ['doximity', 'https://notdoximity.com/pub/x'],
  ])('%s refuses the lookalike %s', (site, url) => {
    expect(Profiles.safeParse({ [site]: url }).success).toBe(false);
  });

  it.each(HOSTILE_LINKS)('every field refuses %j', (url) => {
    for (const site of ['linkedin', 'doximity', 'web']) expect(Profiles.safeParse({ [site]: url }).success).toBe(false);
    expect(Capture.safeParse({ ...capture(), profileUrl: url }).success).toBe(false);
    expect(Capture.safeParse({ ...capture(), photoUrl: url }).success).toBe(false);
  });
});

describe('writes with hostile links change nothing', () => {
  it('an edit, a new contact and a stored record are all refused', async () => {
    const { contact } = await saveCapture(capture());
    const before = await snapshot();
    await expect(updateContact(contact.id, { profiles: { linkedin: 'https://linkedin.com.evil.io/in/x' } })).rejects.toThrow();
    await expect(updateContact(contact.id, { profiles: { web: 'javascript:alert(1)' } })).rejects.toThrow();
    await expect(updateContact(contact.id, { photoUrl: 'data:image/png;base64,AAAA' })).rejects.toThrow();
    await expect(addContact({ fullName: 'X', profiles: { doximity: 'https://doximity.com.evil.io/pub/x' } })).rejects.toThrow();
    expect(Contact.safeParse({ ...contact, profiles: { linkedin: 'javascript:alert(1)//linkedin.com' } }).success).toBe(false);
    expect(await snapshot()).toEqual(before);
    expect(await db.contacts.count()).toBe(1);
  });
});
