/** The due list: everything due, with its actions; shown in the popup and in the side panel's Follow-ups section. */
import { i18n } from '../../model/i18n';
import { formatDay } from '../format';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useRef, useState } from 'react';
import { letterTemplateFor } from '../../drafting/builtin-templates';
import { dueKey, dueTotal, type DueCounts } from '../../followups/due';
import { dueCountsLabel, followUpDueText, followUpStageText, isOverdue } from '../../followups/due-label';
import { followUpState, followUpTemplateFor, type SnoozeChoice } from '../../followups/rules';
import { notifyDataChanged } from '../../messages';
import { countDue, listDue, type DueList as DueListData } from '../../storage/due';
import { markNoResponse, markReplyReceived, snoozeFollowUp } from '../../storage/followups';
import type { Contact, Settings } from '../../model/schemas';
import { getSettings } from '../../storage/settings';
import { withUndo } from '../../storage/undo';
import { KEEP_IN_TOUCH_TEMPLATE, KeepInTouchRow } from '../letters/KeepInTouchRow';
import { LetterDueRow } from '../letters/LetterDueRow';
import { InterviewThanks } from '../programs/InterviewThanks';
import { openSidePanel } from '../open-side-panel';
import { useHasUndo, useUndo } from '../undo';
import { DueRow } from './DueRow';
import { SnoozeMenu } from './SnoozeMenu';
import type { DueAct } from './due-act';
import { afterWrite } from '../use-write';
import { POPUP_SCREEN, readGen } from '../../storage/first-screen';
import { useReadAgain, useReportRead } from '../first-paint/popup-reads';

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
  | { ok: true; due: DueListData; counts: DueCounts; settings: Settings; now: number; gen: number }
  | { ok: false; error: string; gen: number };

/** Re-renders each minute, so that a follow-up falling due while the list is open appears. */
function useMinute(): number {
  const [minute, setMinute] = useState(() => Math.floor(Date.now() / 60_000));
  useEffect(() => {
    const timer = setInterval(() => setMinute(Math.floor(Date.now() / 60_000)), 60_000);
    return () => clearInterval(timer);
  }, []);
  return minute;
}

/**
 * Everything due, oldest first: follow-ups (one-click drafting, snooze,
 * "Reply received" and, once the last polite follow-up is overdue, "Mark no
 * response"), letter reminders and keeping in touch, each with its own
 * actions, every one of which can be undone. Shown in the popup and in the
 * side panel's Follow-ups section.
 */
export function DueList({ windowId, onDraft }: Props) {
  const minute = useMinute();
  const offerUndo = useUndo();
  const hasUndo = useHasUndo();
  const again = useReadAgain('due-list');
  const loaded = useLiveQuery<Loaded>(async () => {
    // The popup's snapshot copies this list: the data version as the read begins (components/first-paint/popup-reads).
    const gen = readGen(POPUP_SCREEN);
    try {
      const now = Date.now();
      const [due, counts, settings] = await Promise.all([listDue(now, SHOWN), countDue(now), getSettings()]);
      return { ok: true, due, counts, settings, now, gen };
    } catch (error) {
      return { ok: false, error: (error as Error).message, gen };
    }
  }, [minute, again]);
  useReportRead('due-list', loaded);
  const [status, setStatus] = useState<{ text: string; error?: boolean }>();
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = useId();

  const act: DueAct = async (action, done) => {
    setStatus(undefined);
    try {
      const undo = await action();
      // With an Undo toast, the toast says what was done; without one, the line above the list does.
      if (undo && hasUndo) offerUndo({ message: done, undo: afterWrite(undo) });
      else setStatus({ text: done });
      // The row is gone: keep keyboard focus in the list rather than losing it to the page.
      heading.current?.focus();
      await notifyDataChanged();
    } catch (error) {
      setStatus({ text: (error as Error).message, error: true });
    }
  };

  const draft = (contact: Contact, templateId: string) => {
    setStatus(undefined);
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

  // The interview thank-yous are counted in the badge but listed by <InterviewThanks/>, not in `items`.
  const total = loaded?.ok ? dueTotal(loaded.counts) - (loaded.counts.interview_thanks ?? 0) : 0;
  return (
    <section className="stack" aria-labelledby={headingId} data-testid="due-list">
      <h2 id={headingId} ref={heading} tabIndex={-1}>{i18n.t('popup.followUpsDue')}</h2>
      {loaded?.ok && (loaded.counts.letter > 0 || loaded.counts.keep_in_touch > 0 || (loaded.counts.interview_thanks ?? 0) > 0) && (
        <p className="muted" style={{ margin: 0 }} data-testid="due-summary">
          {dueCountsLabel(loaded.counts)}
        </p>
      )}
      {status && (
        // data-transient: what the user just did, never copied into the next open's first paint.
        <p className={status.error ? 'error' : 'ok'} role={status.error ? 'alert' : 'status'} style={{ margin: 0 }} data-transient="">
          {status.text}
        </p>
      )}
      <InterviewThanks windowId={windowId} onDraft={onDraft} />
      {loaded === undefined ? (
        <p className="muted" style={{ margin: 0 }}>{i18n.t('popup.loadingFollowUps')}</p>
      ) : !loaded.ok ? (
        <p className="error" role="alert" style={{ margin: 0 }}>
          {i18n.t('popup.followUpsCouldNot', { error: loaded.error })}
        </p>
      ) : loaded.due.items.length === 0 ? (
        <p className="muted" style={{ margin: 0 }} data-testid="due-empty">{i18n.t('popup.noFollowUpsDue2')}</p>
      ) : (
        <>
          <ul className="stack" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {loaded.due.items.map((item) => {
              const contact = loaded.due.contacts.get(item.contactId);
              if (item.kind === 'letter') {
                const letter = loaded.due.letters.get(item.letterId)!;
                return (
                  <LetterDueRow
                    key={dueKey(item)}
                    item={item}
                    letter={letter}
                    writer={contact}
                    now={loaded.now}
                    onDraft={() => contact && draft(contact, letterTemplateFor(letter))}
                    onAct={act}
                  />
                );
              }
              if (!contact) return null;
              if (item.kind === 'keep_in_touch') {
                return (
                  <KeepInTouchRow
                    key={dueKey(item)}
                    contact={contact}
                    dueAt={item.dueAt}
                    now={loaded.now}
                    onDraft={() => draft(contact, KEEP_IN_TOUCH_TEMPLATE)}
                    onAct={act}
                  />
                );
              }
              const pending = loaded.due.pendingLetters.get(contact.id);
              return (
                <DueItem
                  key={dueKey(item)}
                  contact={contact}
                  settings={loaded.settings}
                  now={loaded.now}
                  // Someone writing a letter gets the letter's check-in, not the generic follow-up.
                  onDraft={() => draft(contact, pending ? letterTemplateFor(pending) : followUpTemplateFor(contact))}
                  onAct={act}
                />
              );
            })}
          </ul>
          {total > loaded.due.items.length && (
            <p className="muted" style={{ margin: 0 }}>
              {i18n.t('popup.showingTheOldestOf', { length: loaded.due.items.length, total })}</p>
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
  onAct: DueAct;
}

function DueItem({ contact, settings, now, onDraft, onAct }: ItemProps) {
  const name = contact.fullName;
  const offerNoResponse = followUpState(contact, settings, now) === 'no_response';

  const snooze = (choice: SnoozeChoice | { date: string }) =>
    onAct(async () => {
      const { undo } = await withUndo([contact.id], () => snoozeFollowUp(contact.id, choice));
      return undo;
    }, i18n.t('popup.snoozed', { name }));

  return (
    <DueRow
      name={name}
      detail={contact.organization}
      // The colour says how late it is, the same for every row: any day overdue is red.
      late={contact.nextFollowUpAt !== undefined && isOverdue(contact.nextFollowUpAt, now)}
      when={contact.nextFollowUpAt !== undefined && followUpDueText(contact.nextFollowUpAt, now)}
      whenTestId="due-when"
      context={
        <>
          {followUpStageText(contact, settings, now)}
          {contact.lastContactedAt !== undefined && i18n.t('popup.lastContacted', { date: formatDay(contact.lastContactedAt) })}
        </>
      }
    >
      {offerNoResponse && (
        <button
          type="button"
          className="primary"
          aria-label={i18n.t('popup.markNoResponseFor', { name })}
          onClick={() =>
            void onAct(async () => (await withUndo([contact.id], () => markNoResponse(contact.id))).undo, i18n.t('popup.markedNoResponse', { name }))
          }
        >{i18n.t('popup.markNoResponse')}</button>
      )}
      <button
        type="button"
        className={offerNoResponse ? undefined : 'primary'}
        aria-label={i18n.t('popup.draftFollowUpTo', { name })}
        onClick={onDraft}
      >{i18n.t('popup.draftFollowUp')}</button>
      <SnoozeMenu name={name} now={now} onSnooze={snooze} />
      <button
        type="button"
        aria-label={i18n.t('popup.replyReceivedFrom', { name })}
        onClick={() =>
          void onAct(async () => (await withUndo([contact.id], () => markReplyReceived(contact.id))).undo, i18n.t('popup.replyRecorded', { name }))
        }
      >{i18n.t('popup.replyReceived')}</button>
    </DueRow>
  );
}
