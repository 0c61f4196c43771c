import { useDeferredValue, useEffect, useMemo, useState, type RefObject } from 'react';
import { distinctValues, filterContacts, indexContacts, sortContacts, statusCounts, type Filters, type Sort } from '../../contacts/query';
import type { Contact } from '../../storage/schemas';
import { ContactList } from '../sidepanel/ContactList';
import { BulkBar } from './BulkBar';
import { FilterBar } from './FilterBar';
import { OrganizationsView } from './OrganizationsView';
import { PipelineStrip } from './PipelineStrip';

interface Props {
  /** Every contact; undefined while loading. */
  contacts: Contact[] | undefined;
  /** The first contacts by name and the total, shown while the whole list loads. */
  preview?: { contacts: Contact[]; total: number };
  searchRef: RefObject<HTMLInputElement | null>;
  onOpen(id: string): void;
  onAdd(): void;
}

/** The contacts list: search, pipeline, filters, sort, bulk actions, and the organizations view. */
export function ContactsView({ contacts, preview, searchRef, onOpen, onAdd }: Props) {
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<Filters>({});
  const [sort, setSort] = useState<Sort>('name');
  const [mode, setMode] = useState<'people' | 'organizations'>('people');
  const [showFilters, setShowFilters] = useState(false);
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  // Typing stays responsive while the list catches up.
  const deferredQuery = useDeferredValue(query);

  const index = useMemo(() => (contacts ? indexContacts(contacts) : []), [contacts]);
  const visible = useMemo(
    () => sortContacts(filterContacts(index, deferredQuery, filters, Date.now()), sort),
    [index, deferredQuery, filters, sort],
  );
  const counts = useMemo(() => statusCounts(contacts ?? []), [contacts]);
  const menus = useMemo(
    () => ({
      tags: distinctValues(contacts ?? [], (c) => c.tags),
      organizations: distinctValues(contacts ?? [], (c) => [c.organization]),
      specialties: distinctValues(contacts ?? [], (c) => [c.specialty]),
    }),
    [contacts],
  );

  // A performance mark the benchmarks read: the list is on screen with data.
  const shown = contacts ?? preview?.contacts;
  useEffect(() => {
    if (shown && performance.getEntriesByName('rapport:list-ready').length === 0) performance.mark('rapport:list-ready');
  }, [shown]);

  const toggle = (id: string) =>
    setChecked((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  if (contacts === undefined && !preview) return <p className="muted empty" aria-busy="true">Loading contacts…</p>;

  if ((contacts ?? preview?.contacts)?.length === 0) {
    return (
      <div className="empty stack">
        <h2>No contacts yet</h2>
        <p className="muted">
          Open someone’s LinkedIn or Doximity profile, or a program’s page, and click the Rapport icon to save them. Met
          someone in person? Add them by hand.
        </p>
        <div>
          <button type="button" className="primary" onClick={onAdd}>
            Add a contact
          </button>
        </div>
      </div>
    );
  }

  if (contacts === undefined) {
    // The first page, straight from the index, while the rest loads.
    return (
      <>
        <div className="stack" style={{ padding: '8px 12px', gap: 8 }} aria-busy="true">
          <input type="search" aria-label="Search contacts" placeholder="Loading all contacts…" disabled />
        </div>
        <p className="muted list-meta" data-testid="loading-count">
          Loading {preview!.total} contacts…
        </p>
        <ContactList contacts={preview!.contacts} checked={checked} onToggle={toggle} onOpen={onOpen} />
      </>
    );
  }

  const checkedIds = [...checked].filter((id) => contacts.some((c) => c.id === id));

  return (
    <>
      <div className="stack" style={{ padding: '8px 12px', gap: 8 }}>
        <div className="row">
          <input
            ref={searchRef}
            type="search"
            placeholder="Search name, program, school, tag, notes  ( / )"
            aria-label="Search contacts"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setQuery('');
              if (e.key === 'ArrowDown') {
                e.preventDefault();
                document.querySelector<HTMLButtonElement>('[data-testid="contact-list"] .contact-row')?.focus();
              }
              if (e.key === 'Enter' && visible[0]) onOpen(visible[0].id);
            }}
          />
          <button type="button" onClick={onAdd} aria-label="Add a contact by hand">
            Add
          </button>
        </div>
        <PipelineStrip counts={counts} active={filters.status} onSelect={(status) => setFilters({ ...filters, status })} />
        <div className="spread">
          <div className="tabs" role="group" aria-label="Show">
            <button type="button" className="tab" aria-pressed={mode === 'people'} aria-current={mode === 'people' ? 'page' : undefined} onClick={() => setMode('people')}>
              People
            </button>
            <button type="button" className="tab" aria-pressed={mode === 'organizations'} aria-current={mode === 'organizations' ? 'page' : undefined} onClick={() => setMode('organizations')}>
              Organizations
            </button>
          </div>
          <button type="button" className="link" aria-expanded={showFilters} onClick={() => setShowFilters(!showFilters)}>
            {showFilters ? 'Hide filters' : 'Filters and sort'}
          </button>
        </div>
        {showFilters && (
          <FilterBar filters={filters} sort={sort} {...menus} onFilters={setFilters} onSort={setSort} />
        )}
      </div>
      {checkedIds.length > 0 && <BulkBar ids={checkedIds} tags={menus.tags} onDone={() => setChecked(new Set())} />}
      {mode === 'organizations' ? (
        <OrganizationsView contacts={visible} onOpen={onOpen} />
      ) : visible.length === 0 ? (
        <p className="muted empty">No contact matches{query ? ` “${query}”` : ' these filters'}.</p>
      ) : (
        <>
          <p className="muted list-meta" aria-live="polite" data-testid="result-count">
            {visible.length === contacts.length ? `${contacts.length} contacts` : `${visible.length} of ${contacts.length} contacts`}
          </p>
          <ContactList contacts={visible} checked={checked} onToggle={toggle} onOpen={onOpen} />
        </>
      )}
    </>
  );
}
