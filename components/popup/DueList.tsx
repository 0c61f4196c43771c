import { differenceInCalendarDays } from 'date-fns';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useRef, useState } from 'react';
import {
  dueAfter,
  followUpState,
  followUpTemplateFor,
  localDay,
  SNOOZE_CHOICES,
  type SnoozeChoice,
} from '../../followups/rules';
import { notifyDataChanged } from '../../messages';
import { countDueFollowUps, listDueFollowUps } from '../../storage/contacts';
import { markNoResponse, markReplyReceived, snoozeFollowUp } from '../../storage/followups';
import type { Contact, Settings } from '../../storage/schemas';
import { getSettings } from '../../storage/settings';
import { openSidePanel } from '../side-panel';
import { i18n } from '#i18n';
import { formatDay } from '../format';

/** The popup is small: it lists the oldest ones and says how many more there are. */
const SHOWN = 50;

interface Props {
  /** The window whose side panel "Draft follow-up" opens (popup). */
  windowId?: number;
  /**
   * Already in the side panel: show the draft there instead of opening the
   * panel (the panel follows the focus request).
   */
  onDraft?(contactId: string, templateId: string): void;
}

type Loaded =
  | { ok: true; contacts: Contact[]; total: number; settings: Settings; now: number }
  | { ok: false; error: string };

/** Re-renders each minute, so that a follow-up falling due while the list is open appears. */
function useMinute(): number {
  const [minute, setMinute] = useState(() => Math.floor(Date.now() / 60_000));
  useEffect(() => {
    const timer = setInterval(() => setMinute(Math.floor(Date.now() / 60_000)), 60_000);
    return () => clearInterval(timer);
  }, []);
  return minute;
}

function dueText(nextFollowUpAt: number, now: number): string {
  const days = differenceInCalendarDays(now, nextFollowUpAt);
  if (days <= 0) return i18n.t('popup.dueToday');
  if (days === 1) return i18n.t('popup.dueSinceYesterday');
  return i18n.t('popup.daysOverdue', days, { n: days });
}

function stageText(contact: Contact, settings: Settings, now: number): string {
  if (followUpState(contact, settings, now) === 'no_response') {
    const sent = contact.followUpsSent;
    return i18n.t('popup.followUpsSentNoReply', sent, { n: sent });
  }
  if (contact.status !== 'awaiting_reply') return i18n.t('popup.reminder');
  return settings.maxFollowUps > 0
    ? i18n.t('popup.followUpNOf', { n: Math.min(contact.followUpsSent + 1, settings.maxFollowUps), max: settings.maxFollowUps })
    : i18n.t('popup.followUp');
}

/**
 * The follow-ups due, oldest first, each with one-click drafting, snooze,
 * "Reply received" and, once the last polite follow-up is overdue, "Mark no
 * response". Shown in the popup and in the side panel's Follow-ups section.
 */
export function DueList({ windowId, onDraft }: Props) {
  const minute = useMinute();
  const loaded = useLiveQuery<Loaded>(async () => {
    try {
      const now = Date.now();
      const [contacts, total, settings] = await Promise.all([
        listDueFollowUps(now, SHOWN),
        countDueFollowUps(now),
        getSettings(),
      ]);
      return { ok: true, contacts, total, settings, now };
    } catch (error) {
      return { ok: false, error: (error as Error).message };
    }
  }, [minute]);
  const [status, setStatus] = useState<{ text: string; error?: boolean }>();
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = useId();

  const act = async (action: () => Promise<unknown>, done: string) => {
    setStatus(undefined);
    try {
      await action();
      setStatus({ text: done });
      // The row is gone: keep keyboard focus in the list rather than losing it to the page.
      heading.current?.focus();
      await notifyDataChanged();
    } catch (error) {
      setStatus({ text: (error as Error).message, error: true });
    }
  };

  const draft = (contact: Contact) => {
    setStatus(undefined);
    const templateId = followUpTemplateFor(contact);
    if (onDraft) {
      onDraft(contact.id, templateId);
      return;
    }
    // Called straight from the click: the browser opens the panel only within the user's gesture.
    openSidePanel(windowId, contact.id, { view: 'draft', templateId }).then(
      () => window.close(),
      (error: Error) =>
        setStatus({
          error: true,
          text: i18n.t('popup.sidePanelDidNotOpen', { error: error.message, name: contact.fullName }),
        }),
    );
  };

  return (
    <section className="stack" aria-labelledby={headingId} data-testid="due-list">
      <h2 id={headingId} ref={heading} tabIndex={-1}>{i18n.t('popup.followUpsDue')}</h2>
      {status && (
        <p className={status.error ? 'error' : 'ok'} role={status.error ? 'alert' : 'status'} style={{ margin: 0 }}>
          {status.text}
        </p>
      )}
      {loaded === undefined ? (
        <p className="muted" style={{ margin: 0 }}>{i18n.t('popup.loadingFollowUps')}</p>
      ) : !loaded.ok ? (
        <p className="error" role="alert" style={{ margin: 0 }}>
          {i18n.t('popup.followUpsCouldNot', { error: loaded.error })}</p>
      ) : loaded.contacts.length === 0 ? (
        <p className="muted" style={{ margin: 0 }} data-testid="due-empty">{i18n.t('popup.noFollowUpsDue2')}</p>
      ) : (
        <>
          <ul className="stack" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {loaded.contacts.map((contact) => (
              <DueItem
                key={contact.id}
                contact={contact}
                settings={loaded.settings}
                now={loaded.now}
                onDraft={() => draft(contact)}
                onAct={act}
              />
            ))}
          </ul>
          {loaded.total > loaded.contacts.length && (
            <p className="muted" style={{ margin: 0 }}>
              {i18n.t('popup.showingTheOldestOf', { length: loaded.contacts.length, total: loaded.total })}</p>
          )}
        </>
      )}
    </section>
  );
}

interface ItemProps {
  contact: Contact;
  settings: Settings;
  now: number;
  onDraft(): void;
  onAct(action: () => Promise<unknown>, done: string): Promise<void>;
}

function DueItem({ contact, settings, now, onDraft, onAct }: ItemProps) {
  const [snoozing, setSnoozing] = useState(false);
  const [date, setDate] = useState('');
  const toggle = useRef<HTMLButtonElement>(null);
  const nameId = useId();
  const snoozeId = useId();
  const name = contact.fullName;
  const offerNoResponse = followUpState(contact, settings, now) === 'no_response';
  const tomorrow = localDay(dueAfter(now, 1));

  const snooze = (choice: SnoozeChoice | { date: string }) =>
    onAct(async () => {
      const updated = await snoozeFollowUp(contact.id, choice);
      setSnoozing(false);
      return updated;
    }, i18n.t('popup.snoozed', { name }));

  return (
    <li className="card stack" aria-labelledby={nameId} data-testid="due-item" style={{ padding: 10, gap: 6 }}>
      <div className="spread" style={{ alignItems: 'baseline' }}>
        <div style={{ minWidth: 0 }}>
          <strong id={nameId}>{name}</strong>
          {contact.organization && <span className="muted"> · {contact.organization}</span>}
        </div>
        <span className={offerNoResponse ? 'error' : 'muted'} style={{ whiteSpace: 'nowrap', fontSize: 12 }}>
          {contact.nextFollowUpAt !== undefined && dueText(contact.nextFollowUpAt, now)}
        </span>
      </div>
      <span className="muted" style={{ fontSize: 12 }}>
        {stageText(contact, settings, now)}
        {contact.lastContactedAt !== undefined && i18n.t('popup.lastContacted', { date: formatDay(contact.lastContactedAt) })}
      </span>
      <div className="row" style={{ flexWrap: 'wrap', gap: 6 }}>
        {offerNoResponse && (
          <button
            type="button"
            className="primary"
            aria-label={i18n.t('popup.markNoResponseFor', { name })}
            onClick={() => void onAct(() => markNoResponse(contact.id), i18n.t('popup.markedNoResponse', { name }))}
          >{i18n.t('popup.markNoResponse')}</button>
        )}
        <button
          type="button"
          className={offerNoResponse ? undefined : 'primary'}
          aria-label={i18n.t('popup.draftFollowUpTo', { name })}
          onClick={onDraft}
        >{i18n.t('popup.draftFollowUp')}</button>
        <button
          ref={toggle}
          type="button"
          aria-label={i18n.t('popup.snooze2', { name })}
          aria-expanded={snoozing}
          aria-controls={snoozeId}
          onClick={() => setSnoozing((open) => !open)}
        >{i18n.t('popup.snooze')}</button>
        <button
          type="button"
          aria-label={i18n.t('popup.replyReceivedFrom', { name })}
          onClick={() => void onAct(() => markReplyReceived(contact.id), i18n.t('popup.replyRecorded', { name }))}
        >{i18n.t('popup.replyReceived')}</button>
      </div>
      {snoozing && (
        <div
          id={snoozeId}
          role="group"
          aria-label={i18n.t('popup.snoozeFor', { name })}
          className="stack"
          style={{ gap: 6 }}
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            // Escape closes just these choices, not whatever holds the list.
            event.stopPropagation();
            setSnoozing(false);
            toggle.current?.focus();
          }}
        >
          <div className="row" style={{ flexWrap: 'wrap', gap: 6 }}>
            {SNOOZE_CHOICES.map((choice) => (
              <button key={choice.id} type="button" onClick={() => void snooze(choice.id)}>
                {choice.label}
              </button>
            ))}
          </div>
          <form
            className="row"
            style={{ alignItems: 'flex-end', gap: 6 }}
            onSubmit={(event) => {
              event.preventDefault();
              void snooze({ date });
            }}
          >
            <label style={{ flex: 1 }}>{i18n.t('popup.untilADate')}<input type="date" min={tomorrow} value={date} required onChange={(e) => setDate(e.target.value)} />
            </label>
            <button type="submit" disabled={!date}>{i18n.t('popup.snoozeUntilThen')}</button>
          </form>
        </div>
      )}
    </li>
  );
}
