/** A contact due a keep-in-touch, in the due list: Draft a check-in, Snooze and Not now, each undoable. */
import { i18n } from '../../model/i18n';
import { differenceInCalendarDays, format } from 'date-fns';
import { getContact } from '../../storage/contacts';
import { notNowKeepInTouch, restoreContactRecords, snoozeKeepInTouch } from '../../storage/keep-in-touch';
import type { Contact } from '../../model/schemas';
import type { DueAct } from '../followups/due-act';
import { DueRow } from '../followups/DueRow';
import { SnoozeMenu } from '../followups/SnoozeMenu';

export const KEEP_IN_TOUCH_TEMPLATE = 'builtin:keep-in-touch';

interface Props {
  contact: Contact;
  dueAt: number;
  now: number;
  onDraft(): void;
  onAct: DueAct;
}

export function KeepInTouchRow({ contact, dueAt, now, onDraft, onAct }: Props) {
  const name = contact.fullName;
  const change = (run: () => Promise<unknown>, done: string) =>
    onAct(async () => {
      const before = await getContact(contact.id);
      await run();
      return before && (() => restoreContactRecords([before]));
    }, done);
  const late = differenceInCalendarDays(now, dueAt);
  const last = contact.lastInteractionAt;

  return (
    <DueRow
      kind="keep_in_touch"
      name={name}
      detail={contact.organization}
      when={late <= 0 ? i18n.t('letters.row.dueToday') : i18n.t('letters.row.daysLate', late, { n: late })}
      context={
        last !== undefined
          ? i18n.t('letters.keep.lastTalked', { date: format(last, 'MMM d, yyyy') })
          : i18n.t('letters.keep.neverTalked')
      }
    >
      <button type="button" className="primary" aria-label={i18n.t('letters.keep.draftLabel', { name })} onClick={onDraft}>
        {i18n.t('letters.keep.draft')}
      </button>
      <SnoozeMenu
        name={name}
        now={now}
        onSnooze={(choice) => change(() => snoozeKeepInTouch(contact.id, choice), i18n.t('letters.row.snoozed', { name }))}
      />
      <button
        type="button"
        aria-label={i18n.t('letters.keep.notNowLabel', { name })}
        onClick={() => void change(() => notNowKeepInTouch(contact.id), i18n.t('letters.keep.notNowDone', { name }))}
      >
        {i18n.t('letters.row.notNow')}
      </button>
    </DueRow>
  );
}
