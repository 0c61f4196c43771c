/** E1–E3 and E5: the smaller rough edges a daily user hits (E4 and E6 are end to end, in tests/e2e/trust.spec.ts). */
import { act, createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { DueList } from '../../../components/followups/DueList';
import { ContactPlanReport } from '../../../components/settings/ImportReport';
import { markWriteEnded, markWriteStarted, takeUnfinishedWrite } from '../../../storage/write-marker';
import { saveCapture } from '../../../storage/contacts';
import { db } from '../../../storage/db';
import { lastSentChannel, logInteraction } from '../../../storage/interactions';
import { capture } from '../helpers';
import { reactHostForEachTest } from '../react-host';
import { eventually } from '../wait';

const DAY = 86_400_000;
const screen = reactHostForEachTest();

describe('rough edges', () => {
  it('E1: every overdue follow-up is red, whatever its stage; one due today is not', async () => {
    for (const [slug, days, sent] of [['late', 13, 0], ['last', 5, 2], ['today', 0, 0]] as const) {
      const { contact } = await saveCapture(capture({ fullName: `P ${slug}`, profileUrl: `https://www.linkedin.com/in/${slug}/` }));
      await db.contacts.update(contact.id, { status: 'awaiting_reply', followUpsSent: sent, nextFollowUpAt: Date.now() - days * DAY });
    }
    await screen.render(createElement(DueList, {}));
    await eventually(async () => {
      await act(async () => new Promise((resolve) => setTimeout(resolve, 5)));
      expect(screen.host.querySelectorAll('[data-testid="due-when"]')).toHaveLength(3);
    });
    const classes = Object.fromEntries(
      [...screen.host.querySelectorAll('[data-testid="due-item"]')].map((item) => [
        item.querySelector('strong')?.textContent,
        item.querySelector('[data-testid="due-when"]')?.className,
      ]),
    );
    expect(classes).toEqual({ 'P late': 'error', 'P last': 'error', 'P today': 'muted' });
  });

  it('E2: the channel to log follows the last message sent', async () => {
    const { contact } = await saveCapture(capture());
    expect(await lastSentChannel(contact.id)).toBeUndefined();
    await logInteraction(contact.id, { kind: 'message_sent', channel: 'linkedin' }, 1_000);
    await logInteraction(contact.id, { kind: 'follow_up_sent', channel: 'email' }, 2_000);
    await logInteraction(contact.id, { kind: 'reply_received', channel: 'phone' }, 3_000);
    expect(await lastSentChannel(contact.id)).toBe('email');
  });

  it('E3: a write cut short by a closed panel is told once, a finished one never', () => {
    localStorage.clear();
    markWriteStarted('rapport-backup-2025-09-30.json', 5);
    expect(takeUnfinishedWrite()).toEqual({ name: 'rapport-backup-2025-09-30.json', at: 5 });
    expect(takeUnfinishedWrite()).toBeUndefined();
    markWriteStarted('Connections.csv');
    markWriteEnded();
    expect(takeUnfinishedWrite()).toBeUndefined();
  });

  it('E5: the import preview names the fields it would fill as the user knows them, never by their keys', async () => {
    const empty = { total: 0, items: [] };
    const plan = {
      rows: 1,
      add: empty,
      update: { total: 1, items: [{ row: 2, name: 'Priya Raman', fields: ['connectedOn', 'profiles.linkedin', 'whereMet'] }] },
      skip: empty,
      errors: empty,
    };
    await screen.render(createElement(ContactPlanReport, { plan }));
    const text = screen.host.textContent ?? '';
    expect(text).toContain('Row 2: Priya Raman — Connected on, Profile link, Where met');
    expect(text).not.toMatch(/connectedOn|profiles\.linkedin|whereMet/);
  });
});
