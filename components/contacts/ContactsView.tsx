import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useEffect, useMemo, useState, type RefObject } from 'react';
import { keepMatching, matchingIds, orderedIds, pipelineCounts, type Filters, type Sort } from '../../storage/contact-list';
import type { Contact } from '../../storage/schemas';
import { ContactList } from '../sidepanel/ContactList';
import { useContactsQuery } from '../use-contacts-query';
import { BulkBar } from './BulkBar';
import { FilterBar } from './FilterBar';
import { OrganizationsView } from './OrganizationsView';
import { PipelineStrip } from './PipelineStrip';

interface Props {
  /** The first contacts by name and the total, painted before anything else is read. */
  preview?: { contacts: Contact[]; total: number };
  searchRef: RefObject<HTMLInputElement | null>;
  onOpen(id: string): void;
  onAdd(): void;
}

/**
 * The contacts list: search, pipeline, filters, sort, bulk actions, and the
 * organizations view. Every question is answered by the database's indexes
 * (storage/contact-list.ts); the list holds ids, and reads only the rows on screen.
 */
export function ContactsView({ preview, searchRef, onOpen, onAdd }: Props) {
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<Filters>({});
  const [sort, setSort] = useState<Sort>('name');
  const [mode, setMode] = useState<'people' | 'organizations'>('people');
  const [showFilters, setShowFilters] = useState(false);
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  // Typing stays responsive while the list catches up.
  const deferredQuery = useDeferredValue(query);

  // Asked once the first page is on screen, so that reading 100,000 keys does not delay it.
  const painted = preview !== undefined;
  const ordered = useContactsQuery(() => orderedIds(sort), [sort], painted);
  const matching = useContactsQuery(
    async () => ({ query: deferredQuery, set: await matchingIds(deferredQuery, filters) }),
    [deferredQuery, JSON.stringify(filters)],
    painted,
  );
  const pipeline = useLiveQuery(pipelineCounts, []);
  const visible = useMemo(
    () => (ordered && matching ? keepMatching(ordered, matching.set) : undefined),
    [ordered, matching],
  );
  const everyone = useMemo(() => new Set(ordered), [ordered]);

  // Performance marks the benchmarks read: the list is on screen with data, then search, filters and counts work too.
  const shown = visible ?? preview?.contacts;
  const complete = visible !== undefined && pipeline !== undefined;
  useEffect(() => {
    if (shown && performance.getEntriesByName('rapport:list-ready').length === 0) performance.mark('rapport:list-ready');
  }, [shown]);
  useEffect(() => {
    if (complete && performance.getEntriesByName('rapport:list-complete').length === 0) performance.mark('rapport:list-complete');
  }, [complete]);

  const toggle = (id: string) =>
    setChecked((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  if (visible === undefined && !preview) return <p className="muted empty" aria-busy="true">Loading contacts…</p>;

  const total = pipeline?.total ?? preview?.total ?? 0;
  if ((pipeline ?? preview)?.total === 0) {
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

  if (visible === undefined || !pipeline) {
    // The first page, straight from the name index, while the list's order and counts are read.
    return (
      <>
        <div className="stack" style={{ padding: '8px 12px', gap: 8 }} aria-busy="true">
          <input type="search" aria-label="Search contacts" placeholder="Loading all contacts…" disabled />
        </div>
        <p className="muted list-meta" data-testid="loading-count">
          Loading {total} contacts…
        </p>
        <ContactList ids={preview!.contacts.map((c) => c.id)} seed={preview!.contacts} checked={checked} onToggle={toggle} onOpen={onOpen} />
      </>
    );
  }

  const checkedIds = [...checked].filter((id) => everyone.has(id));

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
              if (e.key === 'Enter' && visible[0]) onOpen(visible[0]);
            }}
          />
          <button type="button" onClick={onAdd} aria-label="Add a contact by hand">
            Add
          </button>
        </div>
        <PipelineStrip counts={pipeline.counts} active={filters.status} onSelect={(status) => setFilters({ ...filters, status })} />
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
        {showFilters && <FilterBar filters={filters} sort={sort} onFilters={setFilters} onSort={setSort} />}
      </div>
      {checkedIds.length > 0 && <BulkBar ids={checkedIds} onDone={() => setChecked(new Set())} />}
      {mode === 'organizations' ? (
        <OrganizationsView ids={visible} onOpen={onOpen} />
      ) : visible.length === 0 ? (
        <p className="muted empty" data-testid="no-match" data-query={matching?.query}>
          No contact matches{query ? ` “${query}”` : ' these filters'}.
        </p>
      ) : (
        <>
          {/* data-query: the search these results answer (benchmarks wait for it). */}
          <p className="muted list-meta" aria-live="polite" data-testid="result-count" data-query={matching?.query}>
            {visible.length === total ? `${total} contacts` : `${visible.length} of ${total} contacts`}
          </p>
          <ContactList ids={visible} seed={preview?.contacts} checked={checked} onToggle={toggle} onOpen={onOpen} />
        </>
      )}
    </>
  );
}
