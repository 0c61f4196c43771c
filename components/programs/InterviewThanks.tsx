/**
 * The due list's interview thank-yous (followups/interview-thanks.ts): from
 * the day after an interview, the people linked to that program with one
 * click to draft the post-interview thank-you, and "Done" (undoable). Kept
 * apart from the follow-ups list so that it can join any due-list layout.
 */
import { i18n } from '../../model/i18n';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { InterviewThanksDue } from '../../followups/interview-thanks';
import { contactsByIds } from '../../storage/contact-list';
import { listDueInterviewThanks, setInterviewThanksHandled } from '../../storage/interview-thanks';
import { contactIdsOfProgram } from '../../storage/programs';
import type { Contact } from '../../model/schemas';
import { openSidePanel } from '../open-side-panel';
import { formatDay } from './labels';
import { writeThenNotify } from '../use-write';
import { POPUP_SCREEN, readGen } from '../../storage/first-screen';
import { useReadAgain, useReportRead } from '../first-paint/popup-reads';

export const THANK_YOU_TEMPLATE = 'builtin:post-interview-thanks';

interface Props {
  windowId?: number;
  onDraft?(contactId: string, templateId: string): void;
}

type Item = InterviewThanksDue & { people: Contact[] };

export function InterviewThanks({ windowId, onDraft }: Props) {
  const [minute, setMinute] = useState(() => Math.floor(Date.now() / 60_000));
  useEffect(() => {
    const timer = setInterval(() => setMinute(Math.floor(Date.now() / 60_000)), 60_000);
    return () => clearInterval(timer);
  }, []);
  const again = useReadAgain('interview-thanks');
  const read = useLiveQuery(async (): Promise<{ items: Item[]; gen: number }> => {
    // The popup's snapshot shows these: the data version as the read begins (components/first-paint/popup-reads).
    const gen = readGen(POPUP_SCREEN);
    const due = await listDueInterviewThanks(Date.now());
    const items = await Promise.all(
      due.map(async (item) => ({ ...item, people: (await contactsByIds(await contactIdsOfProgram(item.programId))).filter((c): c is Contact => c !== undefined) })),
    );
    return { items, gen };
  }, [minute, again]);
  useReportRead('interview-thanks', read);
  const items = read?.items;
  // The popup has no undo toast of its own: the undo is offered next to the message, in both contexts.
  const [status, setStatus] = useState<{ text: string; error?: boolean; undo?: () => Promise<void> }>();

  if (!items || (items.length === 0 && !status)) return null;

  const draft = (contact: Contact) => {
    if (onDraft) return onDraft(contact.id, THANK_YOU_TEMPLATE);
    // From the click itself: the browser opens the panel only within the user's gesture.
    openSidePanel(windowId, contact.id, { view: 'draft', templateId: THANK_YOU_TEMPLATE }).then(
      () => window.close(),
      (error: Error) => setStatus({ text: error.message, error: true }),
    );
  };

  const done = async (item: Item) => {
    try {
      await writeThenNotify(() => setInterviewThanksHandled(item.programId, item.date, Date.now()));
      setStatus({
        text: i18n.t('programs.thanksMarked', { name: item.programName }),
        undo: async () => {
          await writeThenNotify(() => setInterviewThanksHandled(item.programId, item.date, undefined));
          setStatus(undefined);
        },
      });
    } catch (error) {
      setStatus({ text: (error as Error).message, error: true });
    }
  };

  return (
    <section className="stack" aria-labelledby="interview-thanks" data-testid="interview-thanks">
      <h3 id="interview-thanks" style={{ margin: 0 }}>
        {i18n.t('programs.thanksTitle')}
      </h3>
      {status && (
        <p className={status.error ? 'error' : 'ok'} role={status.error ? 'alert' : 'status'} style={{ margin: 0 }} data-transient="">
          {status.text}{' '}
          {status.undo && (
            <button type="button" className="link" onClick={() => void status.undo!().catch((error: Error) => setStatus({ text: error.message, error: true }))}>
              {i18n.t('programs.undo')}
            </button>
          )}
        </p>
      )}
      <ul className="stack" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {items.map((item) => (
          <li key={`${item.programId}-${item.date}`} className="card stack" style={{ padding: 10, gap: 6 }} data-testid="thanks-item">
            <strong>{i18n.t('programs.thanksItem', { name: item.programName, date: formatDay(item.date) })}</strong>
            {item.people.length === 0 ? (
              <p className="muted" style={{ margin: 0 }}>
                {i18n.t('programs.thanksNobody')}
              </p>
            ) : (
              <div className="row" style={{ flexWrap: 'wrap' }}>
                {item.people.map((contact) => (
                  <button key={contact.id} type="button" onClick={() => draft(contact)}>
                    {i18n.t('programs.thanksDraft', { name: contact.fullName })}
                  </button>
                ))}
              </div>
            )}
            <div>
              <button type="button" className="link" onClick={() => void done(item)}>
                {i18n.t('programs.thanksDone')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
