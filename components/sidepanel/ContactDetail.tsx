import { format, parse, startOfDay } from 'date-fns';
import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { countLettersBy, deleteContact, restoreContact, updateContact, type ContactPatch, type LettersOnDelete } from '../../storage/contacts';
import { contactDetail } from '../../storage/contact-detail';
import { setKeepInTouch } from '../../storage/keep-in-touch';
import { logInteraction } from '../../storage/interactions';
import { CHANNELS, STATUSES, type Channel, type Status } from '../../model/schemas';
import type { FocusRequest } from '../../storage/ui-state';
import { ContactSummary } from '../ContactSummary';
import { Select } from '../Select';
import { AddInteractionForm } from '../contacts/AddInteractionForm';
import { ContactFields } from '../contacts/ContactFields';
import { TextField } from '../contacts/TextField';
import { withUndo } from '../../storage/undo';
import { useUndo } from '../undo';
import { afterWrite, useWrite } from '../use-write';
import { PageChanges } from './PageChanges';
import { ContactPrograms } from '../programs/ContactPrograms';
import { Timeline } from './Timeline';
import { DetailTabs, panelId, tabId } from './DetailTabs';
import { i18n } from '../../model/i18n';
import { ContactLetters } from '../letters/ContactLetters';
import { DeleteChoice } from '../letters/DeleteChoice';
import { KeepInTouchSelect } from '../letters/KeepInTouchSelect';
import { labelsOf, statusLabel } from '../labels';

const DraftComposer = lazy(() => import('../drafting/DraftComposer').then((m) => ({ default: m.DraftComposer })));

const DAY_INPUT = 'yyyy-MM-dd';

interface Props {
  contactId: string;
  /** Which part of the contact is shown. */
  view: FocusRequest['view'];
  /** A template to start a draft from, when the view is 'draft'. */
  templateId?: string;
  onViewChange(view: FocusRequest['view']): void;
  onBack(): void;
}

/** One contact: who they are, where they stand, and the record of every exchange. */
export function ContactDetail({ contactId, view, templateId, onViewChange, onBack }: Props) {
  // The contact and every part of its detail in one read (storage/contact-detail.ts), drawn once.
  const detail = useLiveQuery(() => contactDetail(contactId), [contactId]);
  const contact = detail === undefined ? undefined : (detail?.contact ?? null);
  const [channel, setChannel] = useState<Channel>('linkedin');
  // The channel follows the last message sent (an e-mail, then the next is most likely an e-mail too).
  const lastChannel = detail?.lastChannel;
  // The editing form is not in the detail's first draw (its dozen fields are the detail's largest part): it is drawn
  // when the browser is next idle, or at once when opened, so that find-in-page, a field's close-time journal and a
  // change made elsewhere are there as before, without slowing the open.
  const [editing, setEditing] = useState(false);
  const [formDrawn, setFormDrawn] = useState(false);
  useEffect(() => {
    if (lastChannel && lastChannel !== 'other') setChannel(lastChannel);
  }, [lastChannel]);
  const { error, run } = useWrite();
  const [askLetters, setAskLetters] = useState<number>();
  const offerUndo = useUndo();
  const article = useRef<HTMLElement>(null);
  const loaded = contact !== undefined && contact !== null;
  useEffect(() => {
    if (!loaded || formDrawn) return;
    const draw = () => setFormDrawn(true);
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(draw, { timeout: 1_000 });
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(draw, 0);
    return () => clearTimeout(id);
  }, [loaded, formDrawn]);
  // Opened from the list (keyboard or not), focus moves to the contact, so that Tab and Escape act on it.
  useEffect(() => {
    if (loaded && !article.current?.contains(document.activeElement)) article.current?.focus({ preventScroll: true });
  }, [contactId, loaded]);

  if (contact === undefined || detail === undefined) return <p className="muted detail">{i18n.t('sidepanel.loading')}</p>;
  if (contact === null || detail === null) {
    return (
      <div className="detail">
        <p>{i18n.t('sidepanel.thisContactNoLonger')}</p>
        <button type="button" onClick={onBack}>{i18n.t('sidepanel.backToAllContacts')}</button>
      </div>
    );
  }

  const update = (patch: ContactPatch) => run(() => updateContact(contact.id, patch));
  /** A state change the user can take back (status, follow-up date, sent, reply). */
  const change = (message: string, action: () => Promise<unknown>) =>
    run(async () => {
      const { undo } = await withUndo([contact.id], action);
      offerUndo({ message, undo: afterWrite(undo) });
    });

  const remove = (letters: LettersOnDelete) =>
    run(async () => {
      await deleteContact(contact.id, Date.now(), letters);
      offerUndo({
        message: i18n.t('sidepanel.deletedName', { name: contact.fullName }),
        undo: afterWrite(() => restoreContact(contact.id)),
      });
      onBack();
    });

  const awaiting = contact.status === 'awaiting_reply';
  const links = Object.entries(contact.profiles).filter(([, url]) => url && /^https?:\/\//i.test(url));

  return (
    <article
      ref={article}
      tabIndex={-1}
      className="detail"
      aria-label={contact.fullName}
      onKeyDown={(e) => e.key === 'Escape' && !e.defaultPrevented && onBack()}
    >
      <div>
        <button type="button" className="link" onClick={onBack}>{i18n.t('sidepanel.allContacts')}</button>
      </div>
      <ContactSummary contact={contact} />
      <PageChanges contact={contact} />
      {links.length > 0 && (
        <nav className="row" aria-label={i18n.t('sidepanel.profiles')}>
          {links.map(([site, url]) => (
            <a key={site} href={url} target="_blank" rel="noreferrer noopener">
              {site === 'linkedin' ? i18n.t('sidepanel.linkedinProfile') : site === 'doximity' ? i18n.t('sidepanel.doximityProfile') : i18n.t('sidepanel.webPage')}
            </a>
          ))}
        </nav>
      )}

      <DetailTabs view={view} onViewChange={onViewChange} />
      {view === 'draft' ? (
        <div role="tabpanel" id={panelId('draft')} aria-labelledby={tabId('draft')}>
          <Suspense fallback={<p className="muted">{i18n.t('sidepanel.loadingTheComposer')}</p>}>
            <DraftComposer contact={contact} templateId={templateId} />
          </Suspense>
        </div>
      ) : (
      <div role="tabpanel" id={panelId('details')} aria-labelledby={tabId('details')} className="stack" style={{ gap: 16 }}>
      <section className="stack" aria-label={i18n.t('sidepanel.followUp')}>
        <div className="row">
          <Select
            label={i18n.t('sidepanel.status')}
            value={contact.status}
            options={STATUSES}
            labels={labelsOf.status(STATUSES)}
            onChange={(status) => void change(i18n.t('trust.undoStatus', { status: statusLabel(status) }), () => updateContact(contact.id, { status }))}
            style={{ flex: 1 }}
          />
          <label style={{ flex: 1 }}>{i18n.t('sidepanel.nextFollowUp')}<input
              type="date"
              value={contact.nextFollowUpAt === undefined ? '' : format(contact.nextFollowUpAt, DAY_INPUT)}
              onChange={(e) => {
                // Read now: the change runs after an await, when React has already put the controlled value back.
                const day = e.target.value;
                void change(day ? i18n.t('trust.undoNextChanged') : i18n.t('trust.undoNextCleared'), () =>
                  updateContact(contact.id, {
                    nextFollowUpAt: day ? startOfDay(parse(day, DAY_INPUT, new Date())).getTime() : undefined,
                  }),
                );
              }}
            />
          </label>
        </div>
        <div className="row" style={{ alignItems: 'flex-end' }}>
          <Select label={i18n.t('sidepanel.channel')} value={channel} options={CHANNELS} labels={labelsOf.channel(CHANNELS)} onChange={setChannel} style={{ flex: 1 }} />
          <button
            type="button"
            className="primary"
            onClick={() =>
              void change(awaiting ? i18n.t('trust.undoFollowUpSent') : i18n.t('trust.undoMessageSent'), () =>
                logInteraction(contact.id, { kind: awaiting ? 'follow_up_sent' : 'message_sent', channel }),
              )
            }
          >
            {awaiting ? i18n.t('sidepanel.markFollowUpSent') : i18n.t('sidepanel.markMessageSent')}
          </button>
          <button
            type="button"
            onClick={() => void change(i18n.t('trust.undoReply'), () => logInteraction(contact.id, { kind: 'reply_received', channel }))}
          >{i18n.t('sidepanel.replyReceived')}</button>
        </div>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </section>

      <div className="row" style={{ alignItems: 'flex-end' }}>
        <KeepInTouchSelect
          label={i18n.t('letters.keep.label')}
          value={contact.keepInTouchDays}
          onChange={(days) => void run(() => setKeepInTouch([contact.id], days))}
        />
        {contact.keepInTouchAt !== undefined && (
          <span className="muted" data-testid="keep-in-touch-next">
            {i18n.t('letters.keep.nextDue', { date: format(contact.keepInTouchAt, 'PPP') })}
          </span>
        )}
      </div>

      <ContactPrograms programs={detail.programs} />

      <TextField label={i18n.t('sidepanel.notes')} journal={`contact:${contact.id}:notes`} multiline value={contact.notes} onSave={(notes) => update({ notes })} />

      <ContactLetters contact={contact} letters={detail.letters} />

      <section className="stack" aria-labelledby="timeline-heading">
        <h3 id="timeline-heading">{i18n.t('sidepanel.timeline')}</h3>
        <AddInteractionForm contactId={contact.id} />
        <Timeline interactions={detail.interactions} name={contact.fullName} />
      </section>

      <details className="stack" open={editing} onToggle={(e) => setEditing(e.currentTarget.open)}>
        <summary>
          <h3 style={{ display: 'inline' }}>{i18n.t('sidepanel.editDetails')}</h3>
        </summary>
        {(editing || formDrawn) && <ContactFields contact={contact} />}
      </details>

      <div>
        {askLetters !== undefined ? (
          <DeleteChoice letters={askLetters} onCancel={() => setAskLetters(undefined)} onChoose={(choice) => void remove(choice)} />
        ) : (
          <button
            type="button"
            className="danger"
            onClick={() =>
              void run(async () => {
                // Someone who wrote letters: say so, and let the user keep or delete them.
                const letters = await countLettersBy([contact.id]);
                if (letters > 0) setAskLetters(letters);
                else await remove('delete');
              })
            }
          >{i18n.t('sidepanel.deleteContact')}</button>
        )}
      </div>
      </div>
      )}
    </article>
  );
}
