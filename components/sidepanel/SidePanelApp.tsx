import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { sendToBackground } from '../../messages';
import { listContacts } from '../../storage/contacts';
import { getFocusContact, type FocusRequest } from '../../storage/ui-state';

type Section = 'contacts' | 'settings';
const SECTIONS: { id: Section; label: string }[] = [
  { id: 'contacts', label: 'Contacts' },
  { id: 'settings', label: 'Settings' },
];
import { useDueCount } from '../use-due-count';
import { useTargetTab } from '../use-target-tab';
import { SettingsView } from '../settings/SettingsView';
import { ContactDetail } from './ContactDetail';
import { ContactList } from './ContactList';
import './sidepanel.css';

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The side panel (Firefox: the sidebar): the contacts, one contact's detail, and Save for the tab beside it. */
export function SidePanelApp() {
  const tab = useTargetTab();
  const contacts = useLiveQuery(listContacts, []);
  const focus = useLiveQuery(getFocusContact, []);
  const due = useDueCount();
  const [section, setSection] = useState<Section>('contacts');
  const [selectedId, setSelectedIdState] = useState<string>();
  const [detailView, setDetailView] = useState<FocusRequest['view']>('details');
  const [templateId, setTemplateId] = useState<string>();
  const setSelectedId = (id: string | undefined) => {
    setSelectedIdState(id);
    setDetailView('details');
    setTemplateId(undefined);
    if (id) setSection('contacts');
  };
  const [query, setQuery] = useState('');
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ text: string; error?: boolean }>();
  const search = useRef<HTMLInputElement>(null);

  // The popup asks the panel to show a contact by writing the focus; follow it.
  useEffect(() => {
    if (!focus) return;
    setSection('contacts');
    setSelectedIdState(focus.contactId);
    setDetailView(focus.view);
    setTemplateId(focus.templateId);
  }, [focus?.contactId, focus?.at]);

  // `/` jumps to search, as in most web apps.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;
      if (event.key === '/' && !typing) {
        event.preventDefault();
        setSection('contacts');
        setSelectedIdState(undefined);
        requestAnimationFrame(() => search.current?.focus());
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const visible = useMemo(() => {
    if (!contacts) return undefined;
    const q = fold(query.trim());
    if (!q) return contacts;
    return contacts.filter((c) =>
      fold([c.fullName, c.organization, c.title, c.headline, c.specialty, c.notes, ...c.tags].join(' ')).includes(q),
    );
  }, [contacts, query]);

  const save = async () => {
    if (!tab) return;
    setSaving(true);
    setMessage(undefined);
    try {
      const outcome = await sendToBackground({ type: 'save-tab', tabId: tab.id });
      if (outcome.kind === 'saved') {
        setSelectedId(outcome.contact.id);
        setMessage({ text: outcome.created ? `Saved ${outcome.contact.fullName}.` : `Updated ${outcome.contact.fullName}.` });
      } else {
        setMessage({ text: outcome.reason, error: true });
      }
    } catch (error) {
      setMessage({ text: (error as Error).message, error: true });
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="sidepanel">
      <header className="stack">
        <div className="spread">
          <h1>Rapport</h1>
          <span className="muted" data-testid="due-count">
            {due ? `${due} follow-up${due === 1 ? '' : 's'} due` : ''}
          </span>
          <button type="button" className="primary" onClick={() => void save()} disabled={!tab || saving}>
            {saving ? 'Saving…' : 'Save this page’s person'}
          </button>
        </div>
        {message && (
          <p className={message.error ? 'error' : 'ok'} role={message.error ? 'alert' : 'status'} style={{ margin: 0 }}>
            {message.text}
          </p>
        )}
        <nav className="tabs" aria-label="Sections">
          {SECTIONS.map(({ id, label }) => (
            <button
              key={id}
              type="button"
              className="tab"
              aria-current={section === id ? 'page' : undefined}
              onClick={() => {
                setSection(id);
                setSelectedIdState(undefined);
              }}
            >
              {label}
            </button>
          ))}
        </nav>
        {section === 'contacts' && !selectedId && (
          <input
            ref={search}
            type="search"
            placeholder="Search contacts  ( / )"
            aria-label="Search contacts"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && setQuery('')}
          />
        )}
      </header>
      <main className="content">
        {section === 'settings' ? (
          <SettingsView />
        ) : selectedId ? (
          <ContactDetail
            contactId={selectedId}
            view={detailView}
            templateId={templateId}
            onViewChange={setDetailView}
            onBack={() => setSelectedId(undefined)}
          />
        ) : visible === undefined ? (
          <p className="muted empty">Loading contacts…</p>
        ) : contacts?.length === 0 ? (
          <div className="empty stack">
            <h2>No contacts yet</h2>
            <p className="muted">
              Open someone’s LinkedIn or Doximity profile, or a program’s page, and click the Rapport icon to save them.
            </p>
          </div>
        ) : visible.length === 0 ? (
          <p className="muted empty">No contact matches “{query}”.</p>
        ) : (
          <ContactList contacts={visible} selectedId={selectedId} onOpen={setSelectedId} />
        )}
      </main>
    </div>
  );
}
