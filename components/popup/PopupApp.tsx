import { useEffect, useMemo, useRef, useState } from 'react';
import { isDoximityHost, isLinkedInHost } from '../../model/profile-links';
import { sendToBackground, type SaveOutcome } from '../../messages';
import { undoSave } from '../../storage/contacts';
import { ContactSummary } from '../ContactSummary';
import { DueList } from '../followups/DueList';
import { GrantAccess } from './GrantAccess';
import { PointButton } from './PointButton';
import { watchPickerSession } from '../../messages/person-chooser-session';
import { openAddForm } from '../open-add-form';
import { openSidePanel } from '../open-side-panel';
import { UndoProvider } from '../undo';
import { useDueCount } from '../followups/use-due-count';
import { useTargetTab } from '../use-target-tab';
import { i18n } from '../../model/i18n';
import { writeThenNotify } from '../use-write';
import { PopupReads, PopupReadsContext } from '../first-paint/popup-reads';
import { writePopupScreen } from '../first-paint/write-popup-screen';
import { POPUP_SCREEN, readGen } from '../../storage/first-screen';

/** LinkedIn's and Doximity's pages are never changed: no pointing there. */
function onProfileSite(url: string): boolean {
  try {
    const { hostname } = new URL(url);
    return isLinkedInHost(hostname) || isDoximityHost(hostname);
  } catch {
    return true;
  }
}

type State =
  | { step: 'saving' }
  | { step: 'done'; outcome: SaveOutcome }
  | { step: 'undone'; created: boolean }
  /** The in-page chooser was closed without a choice. */
  | { step: 'picker-closed' }
  | { step: 'error'; message: string };

/** The header's count of what is due, live; inside the reads' provider, since the popup's snapshot shows it. */
function DueCount() {
  const due = useDueCount();
  return (
    <span className="muted" data-testid="due-count" aria-live="polite">
      {due === undefined ? '' : due === 0 ? i18n.t('popup.noFollowUpsDue') : i18n.t('popup.followUpDue', due, { n: due })}
    </span>
  );
}

interface Props {
  /**
   * Once everything the first paint's snapshot shows has been read and drawn (in the commit's layout effects, before
   * the browser paints): the live view takes over from the snapshot (entrypoints/popup/app.tsx).
   */
  onLive?(): void;
}

/**
 * The toolbar popup. Opening it is the click that saves (Pocket-style): the
 * person on the page is saved at once and shown with Undo.
 */
export function PopupApp({ onLive }: Props) {
  const main = useRef<HTMLElement>(null);
  // Each answer drawn: the takeover the first time everything has answered, then the next open's snapshot, copied.
  const reads = useMemo(() => {
    let live = false;
    let copying = false;
    const tracker: PopupReads = new PopupReads(() => {
      if (!tracker.complete) return;
      if (!live) {
        live = true;
        onLive?.();
        if (performance.getEntriesByName('rapport:first-paint').length === 0) performance.mark('rapport:first-paint');
        performance.mark('rapport:popup-live');
      }
      // Once per task, after every answer of this commit is in the DOM.
      if (copying) return;
      copying = true;
      queueMicrotask(() => {
        copying = false;
        const gen = readGen(POPUP_SCREEN);
        if (main.current && tracker.settled(gen)) void writePopupScreen(main.current, gen).catch(() => undefined);
      });
    });
    return tracker;
  }, []);
  const tab = useTargetTab();
  const [state, setState] = useState<State>({ step: 'saving' });
  // Bumped to save again once the user grants access to the site.
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (tab === undefined) return;
    if (tab === null) {
      setState({ step: 'done', outcome: { kind: 'no-person', reason: i18n.t('popup.noPageToRead') } });
      return;
    }
    sendToBackground({ type: 'save-tab', tabId: tab.id }).then(
      (outcome) => setState({ step: 'done', outcome }),
      (error: Error) => setState({ step: 'error', message: error.message }),
    );
  }, [tab, attempt]);

  // Several people on the page: the choice is made there, and the background records the result.
  const picking = state.step === 'done' && state.outcome.kind === 'picking';
  useEffect(() => {
    if (!picking || !tab) return;
    return watchPickerSession(tab.id, (session) => {
      if (session?.state === 'saved' && session.saved) setState({ step: 'done', outcome: { kind: 'saved', ...session.saved } });
      else if (session?.state === 'cancelled') setState({ step: 'picker-closed' });
      else if (session?.state === 'failed') setState({ step: 'error', message: session.error ?? i18n.t('common.notSaved') });
    });
  }, [picking, tab]);

  const undo = async (outcome: Extract<SaveOutcome, { kind: 'saved' }>) => {
    try {
      await writeThenNotify(() => undoSave(outcome));
      setState({ step: 'undone', created: outcome.created });
    } catch (error) {
      setState({ step: 'error', message: (error as Error).message });
    }
  };

  const saved = state.step === 'done' && state.outcome.kind === 'saved' ? state.outcome : undefined;
  const noPerson = state.step === 'done' && state.outcome.kind === 'no-person' ? state.outcome : undefined;
  // The form starts from what the page did show (capture/draft), else from the page's link.
  const noPersonDraft = noPerson ? (noPerson.draft ?? { profileUrl: noPerson.url }) : undefined;

  return (
    // Follow-up actions in the due list can be undone (components/undo.tsx).
    <UndoProvider>
    <PopupReadsContext.Provider value={reads}>
    <main ref={main} className="stack" style={{ width: 360, padding: 16, gap: 12 }} aria-busy={state.step === 'saving'}>
      <header className="spread">
        <h1>Rapport</h1>
        <DueCount />
      </header>

      <section aria-live="polite" className="stack">
        {state.step === 'saving' && <p className="muted">{i18n.t('popup.savingThePersonOn')}</p>}
        {saved && (
          <div className="card stack" data-testid="saved-card">
            <p className="ok" style={{ margin: 0, fontWeight: 600 }}>
              {saved.created ? i18n.t('popup.savedToRapport') : i18n.t('popup.alreadySavedUpdatedFrom')}
            </p>
            <ContactSummary contact={saved.contact} />
            <div className="row">
              <button type="button" onClick={() => void undo(saved)}>{i18n.t('popup.undo')}</button>
              <button
                type="button"
                className="primary"
                onClick={() => void openSidePanel(tab?.windowId, saved.contact.id).then(() => window.close())}
              >{i18n.t('popup.openInSidePanel')}</button>
            </div>
          </div>
        )}
        {state.step === 'done' && state.outcome.kind === 'needs-access' && (
          <GrantAccess
            outcome={state.outcome}
            onGranted={() => {
              setState({ step: 'saving' });
              setAttempt((n) => n + 1);
            }}
          />
        )}
        {state.step === 'done' && state.outcome.kind === 'picking' && (
          <div className="card stack" data-testid="picking">
            <p style={{ margin: 0, fontWeight: 600 }}>{i18n.t('popup.severalPeopleOnThis')}</p>
            <p className="muted" style={{ margin: 0 }}>
              {i18n.t('popup.peopleFoundClickThe', { length: state.outcome.names.length })}</p>
            <PointButton tabId={tab?.id} />
          </div>
        )}
        {state.step === 'picker-closed' && (
          <p className="card" style={{ margin: 0 }}>{i18n.t('popup.noOneWasSaved')}</p>
        )}
        {state.step === 'done' && state.outcome.kind === 'no-person' && (
          <div className="card stack" data-testid="no-person">
            <p style={{ margin: 0 }}>{state.outcome.reason}</p>
            {state.outcome.url && /^https?:/.test(state.outcome.url) && (
              <div>
                <button
                  type="button"
                  className="primary"
                  onClick={() => void openAddForm(tab?.windowId, noPersonDraft ?? {}).then(() => window.close())}
                >{i18n.t('popup.addByHand')}</button>
              </div>
            )}
            {state.outcome.url && /^https?:/.test(state.outcome.url) && !onProfileSite(state.outcome.url) && <PointButton tabId={tab?.id} />}
          </div>
        )}
        {state.step === 'undone' && (
          <p className="card" style={{ margin: 0 }}>
            {state.created ? i18n.t('popup.removedFromRapport') : i18n.t('popup.theEarlierVersionOf')}
          </p>
        )}
        {state.step === 'error' && (
          <p className="card error" role="alert" style={{ margin: 0 }}>
            {state.message}
          </p>
        )}
      </section>

      {!saved && (
        <button type="button" onClick={() => void openSidePanel(tab?.windowId).then(() => window.close())}>{i18n.t('popup.openSidePanel')}</button>
      )}

      <DueList windowId={tab?.windowId} />
    </main>
    </PopupReadsContext.Provider>
    </UndoProvider>
  );
}
