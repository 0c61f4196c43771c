import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { sendToBackground } from '../../messages';
import { getFocusContact, getSectionRequest, SECTION_REQUEST_TTL_MS, type FocusRequest } from '../../storage/ui-state';
import { ADD_REQUEST_TTL_MS, clearAddRequest, getAddRequest, type AddRequest } from '../../storage/ui-state';
import { ContactsView, type ListRequest } from '../contacts/ContactsView';
import type { NeedsAccess } from '../popup/GrantAccess';
import { UndoProvider } from '../undo';
import { useDueCount } from '../followups/use-due-count';
import { useSyncLive } from '../sync/use-sync-live';
import { useTargetTab } from '../use-target-tab';
import { useContactsVersion } from '../use-contacts-query';
// What the first screen does not show loads apart, once the list is live (./later.ts).
import { prefetchLaterWhenIdle, useLater } from './load-later';
import { useFirstPage } from './first-page';
import { useFirstScreenWriter } from '../first-paint/use-first-screen-writer';
import { useTabProfile } from './use-tab-profile';
import './sidepanel.css';
import { SECTIONS, type Section } from './sections';
import { bootSection, forgetBootSection } from '../first-paint/boot-clicks';
import { i18n } from '../../model/i18n';
// The Overview and its charts are never in the list's first chunk or the popup: loaded apart, ahead of the click.
import { prefetchOverview, prefetchOverviewWhenIdle, useOverviewModule } from '../overview/load-overview';



// Sections the user opens less often load on demand, so the contacts list paints sooner.
const SettingsView = lazy(() => import('../settings/SettingsView').then((m) => ({ default: m.SettingsView })));
const LettersView = lazy(() => import('../letters/LettersView').then((m) => ({ default: m.LettersView })));
const TemplatesView = lazy(() => import('../templates/TemplatesView').then((m) => ({ default: m.TemplatesView })));

/** What the contacts section shows: the list, one contact, or the add-by-hand form. */
type Screen =
  | { name: 'list' }
  | { name: 'contact'; id: string }
  | { name: 'add'; profileUrl?: string; initial?: AddRequest['initial']; at?: number };

/** The side panel (Firefox: the sidebar): the contacts, one contact's detail, and Save for the tab beside it. */
export function SidePanelApp() {
  const tab = useTargetTab();
  // While the panel is open, sync (when the user turned it on) runs continuously.
  useSyncLive();
  // A first page from the name index paints at once; the list's order, search and counts follow, from indexes too.
  const { rows: preview, live, pipeline: paintedPipeline } = useFirstPage();
  // Each change to the contacts, here or in any other context, is written to the next open's first paint.
  useFirstScreenWriter(live);
  const focus = useLiveQuery(getFocusContact, []);
  const sectionRequest = useLiveQuery(getSectionRequest, []);
  const addRequest = useLiveQuery(getAddRequest, []);
  const due = useDueCount();
  const [section, setSection] = useState<Section>(() => bootSection() ?? 'contacts');
  useEffect(forgetBootSection, []);
  const [screen, setScreen] = useState<Screen>({ name: 'list' });
  const [detailView, setDetailView] = useState<FocusRequest['view']>('details');
  const [templateId, setTemplateId] = useState<string>();
  // A funnel step opened from the Overview: the contacts list shows exactly its contacts.
  const [listRequest, setListRequest] = useState<ListRequest>();
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ text: string; error?: boolean }>();
  // Access to the site was taken back (RELIABILITY S8): the grant button, in place of a message.
  const [needsAccess, setNeedsAccess] = useState<NeedsAccess>();
  const search = useRef<HTMLInputElement>(null);
  const contactsVersion = useContactsVersion();
  const tabProfile = useTabProfile(tab, contactsVersion);

  const open = (id: string, view: FocusRequest['view'] = 'details', template?: string) => {
    setSection('contacts');
    setScreen({ name: 'contact', id });
    setDetailView(view);
    setTemplateId(template);
  };
  // The list's rows are memoized: they are handed one function for good, not a new one at every render of the panel.
  const openContact = useCallback((id: string) => open(id), []);

  // The Overview's code, once the panel is idle after its first paint: its tab then opens at once.
  useEffect(() => prefetchOverviewWhenIdle(), []);
  // The rest of the panel's screens, likewise (a contact's detail, the add form, the follow-ups…).
  useEffect(() => prefetchLaterWhenIdle(), []);
  // Wanted at once when a screen other than the list is open (or the grant button is due); else once idle.
  const later = useLater(section === 'followups' || screen.name !== 'list' || needsAccess !== undefined);
  const loadingLater = <p className="muted empty" aria-busy="true">{i18n.t('sidepanel.loading')}</p>;

  // A page about no one, or a selection, asks for the add-by-hand form, prefilled; shown once.
  useEffect(() => {
    if (!addRequest) return;
    if (Date.now() - addRequest.at < ADD_REQUEST_TTL_MS) {
      setSection('contacts');
      setScreen({ name: 'add', profileUrl: addRequest.profileUrl, initial: addRequest.initial, at: addRequest.at });
    }
    void clearAddRequest();
  }, [addRequest?.at]);

  // The popup asks the panel to show a contact by writing the focus; follow it.
  useEffect(() => {
    if (focus) open(focus.contactId, focus.view, focus.templateId);
  }, [focus?.contactId, focus?.at]);

  // The daily summary's click asks for the follow-ups list; a stale request (panel opened later) is ignored.
  useEffect(() => {
    if (sectionRequest && Date.now() - sectionRequest.at < SECTION_REQUEST_TTL_MS) setSection(sectionRequest.section);
  }, [sectionRequest?.at]);

  // When the tab beside the panel moves to a saved person's profile, show that person.
  const tabContactId = tabProfile?.contact?.id;
  useEffect(() => {
    if (tabContactId) open(tabContactId);
  }, [tabContactId]);

  // `/` jumps to search, as in most web apps.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const typing = target?.closest('input, textarea, select, [contenteditable="true"]');
      if (event.key === '/' && !typing) {
        event.preventDefault();
        setSection('contacts');
        setScreen({ name: 'list' });
        requestAnimationFrame(() => search.current?.focus());
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const save = async () => {
    if (!tab) return;
    setSaving(true);
    setMessage(undefined);
    setNeedsAccess(undefined);
    try {
      const outcome = await sendToBackground({ type: 'save-tab', tabId: tab.id });
      if (outcome.kind === 'saved') {
        open(outcome.contact.id);
        setMessage({ text: i18n.t(outcome.created ? 'sidepanel.savedName' : 'sidepanel.updatedName', { name: outcome.contact.fullName }) });
      } else if (outcome.kind === 'picking') {
        setMessage({ text: i18n.t('sidepanel.severalPeople') });
      } else if (outcome.kind === 'needs-access') {
        setNeedsAccess(outcome);
      } else {
        setMessage({ text: outcome.reason, error: true });
        // A page about no one: the add-by-hand form, with what the page did show (capture/draft).
        if (outcome.kind === 'no-person' && outcome.url && /^https?:/.test(outcome.url)) {
          setSection('contacts');
          const draft = outcome.draft ?? { profileUrl: outcome.url, initial: {} };
          setScreen({ name: 'add', profileUrl: draft.profileUrl, initial: draft.initial, at: Date.now() });
        }
      }
    } catch (error) {
      setMessage({ text: (error as Error).message, error: true });
    } finally {
      setSaving(false);
    }
  };

  const unsavedProfile = tabProfile?.profileUrl && !tabProfile.contact ? tabProfile.profileUrl : undefined;

  return (
    <UndoProvider>
      <div className="sidepanel">
        <header className="stack">
          <div className="spread">
            <h1>Rapport</h1>
            <span className="muted" data-testid="due-count">
              {due ? i18n.t('sidepanel.followUpDue', due, { n: due }) : ''}
            </span>
            <button type="button" className="primary" onClick={() => void save()} disabled={!tab || saving}>
              {saving ? i18n.t('sidepanel.saving') : i18n.t('sidepanel.saveThisPageS')}
            </button>
          </div>
          {unsavedProfile && !message && (
            <p className="banner" style={{ margin: 0 }}>
              <span>{i18n.t('sidepanel.theProfileInThis')}</span>
            </p>
          )}
          {message && (
            <p className={message.error ? 'error' : 'ok'} role={message.error ? 'alert' : 'status'} style={{ margin: 0 }}>
              {message.text}
            </p>
          )}
          {needsAccess && later && <later.GrantAccess outcome={needsAccess} onGranted={() => void save()} />}
          <nav className="tabs" aria-label={i18n.t('sidepanel.sections')}>
            {SECTIONS.map(({ id, label }) => (
              <button
                key={id}
                type="button"
                className="tab"
                aria-current={section === id ? 'page' : undefined}
                onPointerEnter={id === 'overview' ? () => void prefetchOverview().catch(() => undefined) : undefined}
                onFocus={id === 'overview' ? () => void prefetchOverview().catch(() => undefined) : undefined}
                onClick={() => {
                  setSection(id);
                  setScreen({ name: 'list' });
                }}
              >
                {label}
              </button>
            ))}
          </nav>
        </header>
        <main className="content">
          {section === 'overview' ? (
            <OverviewSection
              onOpenContact={(id) => open(id)}
              onOpenStep={(step, period, label) => {
                setSection('contacts');
                setScreen({ name: 'list' });
                setListRequest({ filters: { funnel: { step, from: period.from, to: period.to, label } }, at: Date.now() });
              }}
            />
          ) : section === 'settings' ? (
            <Suspense fallback={<p className="muted empty">{i18n.t('sidepanel.loadingSettings')}</p>}>
              <SettingsView />
            </Suspense>
          ) : section === 'templates' ? (
            <Suspense fallback={<p className="muted empty">{i18n.t('sidepanel.loadingTemplates')}</p>}>
              <TemplatesView />
            </Suspense>
          ) : section === 'letters' ? (
            <Suspense fallback={<p className="muted empty">{i18n.t('letters.view.loading')}</p>}>
              <LettersView
                onOpenContact={(id) => {
                  setSection('contacts');
                  open(id);
                }}
              />
            </Suspense>
          ) : section === 'followups' ? (
            <div className="detail">
              {!later ? loadingLater : <later.DueList windowId={tab?.windowId} onDraft={(id, template) => open(id, 'draft', template)} />}
            </div>
          ) : screen.name !== 'list' && !later ? (
            loadingLater
          ) : screen.name === 'contact' && later ? (
            <later.ContactDetail
              contactId={screen.id}
              view={detailView}
              templateId={templateId}
              onViewChange={setDetailView}
              onBack={() => {
                const id = screen.id;
                setScreen({ name: 'list' });
                // Back in the list, focus returns to the contact's row (or to search when it has scrolled away).
                focusRowWhenDrawn(id, () => search.current);
              }}
            />
          ) : screen.name === 'add' && later ? (
            <later.AddContactForm
              key={screen.at ?? 0}
              profileUrl={screen.profileUrl}
              initial={screen.initial}
              onCancel={() => setScreen({ name: 'list' })}
              onCreated={(id) => open(id)}
            />
          ) : null}
          {section === 'contacts' && (
            // The list stays mounted behind an open contact, so that the way back finds its search and filters.
            <div style={{ display: screen.name === 'list' ? 'contents' : 'none' }}>
              {later && <later.DuplicateReview onOpen={(id) => open(id)} />}
              <ContactsView
                preview={preview}
                live={live}
                paintedPipeline={paintedPipeline}
                request={listRequest}
                active={screen.name === 'list'}
                searchRef={search}
                onOpen={openContact}
                onAdd={() => setScreen({ name: 'add' })}
              />
            </div>
          )}
        </main>
      </div>
    </UndoProvider>
  );
}

/**
 * The list was hidden while a contact was open, so the virtualizer draws its rows again only once it has measured
 * the list: wait for the row a few frames (a bounded number, not a clock), then fall back to search.
 */
function focusRowWhenDrawn(id: string, fallback: () => HTMLElement | null, frames = 30): void {
  requestAnimationFrame(() => {
    const row = document.querySelector<HTMLElement>(`.contact-row[data-contact-id="${CSS.escape(id)}"]`);
    if (row) row.focus();
    else if (frames > 0) focusRowWhenDrawn(id, fallback, frames - 1);
    else fallback()?.focus();
  });
}

/** The Overview section, drawn as soon as its code is in (./load-overview), with no Suspense throttle in between. */
function OverviewSection(props: Parameters<typeof import('../overview/OverviewView').OverviewView>[0]) {
  const module = useOverviewModule();
  if (!module) return <p className="muted empty">{i18n.t('overview.loading')}</p>;
  return <module.OverviewView {...props} />;
}
