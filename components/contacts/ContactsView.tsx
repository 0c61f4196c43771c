import { useCallback, useEffect, useMemo, useState, type RefObject } from 'react';
import { checkContactSummary, keepMatching, matchingIds, orderedIds, pipelineCounts, searchContacts, type Filters, type Sort } from '../../storage/contact-list';
import type { ListedContact, PipelineCounts } from '../../contacts/first-screen';
import { words } from '../../model/text';
import { ContactList } from '../sidepanel/ContactList';
import { usePagedIds } from './use-paged-ids';
import { useContactsQuery } from '../use-contacts-query';
// The bulk bar, the filters and the organizations view load apart from the list's first chunk (sidepanel/later.ts).
import { useLater } from '../sidepanel/load-later';
import { PipelineStrip } from './PipelineStrip';
import { i18n } from '../../model/i18n';
import { formatNumber } from '../format';
import { contactCount, loadingCount } from './count-text';

/** Filters asked for by another section (the Overview's funnel), applied once per `at`. */
export interface ListRequest {
  filters: Filters;
  at: number;
}

interface Props {
  request?: ListRequest;
  /** The first contacts by name, painted before anything else is read. */
  preview?: readonly ListedContact[];
  /** False while `preview` is the first-paint snapshot's rows, not yet the database's answer (components/first-paint/). */
  live?: boolean;
  /** The snapshot's pipeline counts, shown until the live counts answer, so that the strip is there from the first paint. */
  paintedPipeline?: PipelineCounts;
  /** False while a contact is open over the list: the list keeps its state and asks nothing until shown again. */
  active?: boolean;
  searchRef: RefObject<HTMLInputElement | null>;
  onOpen(id: string): void;
  onAdd(): void;
}

/**
 * The contacts list: search, pipeline, filters, sort, bulk actions, and the
 * organizations view. Every question is answered by the database's indexes
 * (storage/contact-list.ts); the list holds ids, and reads only the rows on screen.
 */
export function ContactsView({ preview, live = true, paintedPipeline, request, active = true, searchRef, onOpen, onAdd }: Props) {
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<Filters>({});
  const [sort, setSort] = useState<Sort>('name');
  const [mode, setMode] = useState<'people' | 'programs'>('people');
  const [showFilters, setShowFilters] = useState(false);
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const later = useLater(showFilters || checked.size > 0 || mode === 'programs');
  // Each keystroke asks at once (no deferred render first: the search is an IndexedDB read, and typing never waits
  // for it); an answer to an older keystroke that arrives late is dropped (useContactsQuery), and the list keeps
  // showing the last answer until the new one is in.
  const searching = words(query).length > 0;
  // A search begun from an empty field is a new one: the answers of an earlier search (the field cleared since)
  // are never shown for it, not even for the few milliseconds before its own answer.
  const [session, setSession] = useState(0);
  const filterKey = JSON.stringify(filters);
  useEffect(() => {
    if (!request) return;
    setFilters(request.filters);
    setQuery('');
    setMode('people');
  }, [request?.at]);

  // Asked once the first page is read, so that reading 100,000 keys does not delay it.
  const asking = preview !== undefined && live && active;
  // By name and unfiltered, as the list opens: the ids are read a page at a time as it scrolls (never all at once).
  const paging = sort === 'name' && filterKey === '{}';
  const paged = usePagedIds(asking && paging);
  const ordered = useContactsQuery(() => orderedIds(sort), [sort], asking && !paging);
  const filtered = useContactsQuery(async () => ({ set: await matchingIds(filters) }), [filterKey], asking);
  const searched = useContactsQuery(
    async () => {
      const start = performance.now();
      const result = await searchContacts(query, filters, sort);
      // The search's own read, which the benchmarks set beside a raw index read (bench/panel-timing.ts); the last only.
      performance.clearMeasures('rapport:search');
      performance.measure('rapport:search', { start, detail: query });
      // The rows come with it: the list draws them from these records, without a second read.
      return { query, session, result, rows: result && new Map(result.contacts.map((c) => [c.id, c])) };
    },
    [query, session, filterKey, sort],
    asking && searching,
  );
  // One row kept by every write (storage/contact-summary.ts); `repaired` asks again after the check below recounts it.
  const [repaired, setRepaired] = useState(0);
  const livePipeline = useContactsQuery(pipelineCounts, [repaired], asking);
  // The snapshot's counts until the first live answer (they are the database's own, read since the last write).
  const [counted, setCounted] = useState(false);
  if (livePipeline !== undefined && !counted) setCounted(true);
  const pipeline = livePipeline ?? (counted ? undefined : paintedPipeline);
  // Everyone's ids as a set, built once per change to the list: ticked contacts deleted elsewhere are unticked.
  const known = useMemo(() => {
    const ids = paging ? paged.ids : ordered;
    return ids ? new Set(ids) : undefined;
  }, [paging, paged.ids, ordered]);
  const everyone = useMemo(
    () => (paging ? paged.ids : ordered && filtered ? keepMatching(ordered, filtered.set) : undefined),
    [paging, paged.ids, ordered, filtered],
  );
  // What the list shows: a search's matches, or everyone the filters keep; undefined while being read.
  // While this search's first answer is on its way, the list stays as it was (no flash of an earlier search's matches).
  const answer = searching && searched?.session === session ? searched : undefined;
  const showingSearch = answer !== undefined || (searching && everyone === undefined);
  const visible = showingSearch ? answer?.result?.ids : everyone;
  const answering = showingSearch ? answer?.query : '';
  const total = pipeline?.total;
  // Rows the list has room for: everyone, when only the first pages of their ids are read.
  const rowCount = !showingSearch && paging && visible && !paged.done ? Math.max(total ?? 0, visible.length) : visible?.length;

  // Performance marks the benchmarks read: the first names on screen (the snapshot's paint marks it sooner, when
  // there is one), the live first page, then the whole list and its counts.
  useEffect(() => {
    if (!preview) return;
    if (performance.getEntriesByName('rapport:first-paint').length === 0) performance.mark('rapport:first-paint');
    if (live && performance.getEntriesByName('rapport:list-ready').length === 0) performance.mark('rapport:list-ready');
  }, [preview, live]);
  const complete = everyone !== undefined && livePipeline !== undefined;
  useEffect(() => {
    if (complete && performance.getEntriesByName('rapport:list-complete').length === 0) performance.mark('rapport:list-complete');
  }, [complete]);
  // Once per list opened, after it is complete: the summary's total against the table's count, recounted if they differ.
  useEffect(() => {
    if (!complete) return;
    let current = true;
    void checkContactSummary().then((fixed) => current && fixed && setRepaired((n) => n + 1));
    return () => {
      current = false;
    };
  }, [complete]);

  // Stable, so that the memoized list is not redrawn by each keystroke.
  const toggle = useCallback(
    (id: string) =>
      setChecked((prev) => {
        const next = new Set(prev);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    [],
  );

  if (!preview) return <p className="muted empty" aria-busy="true">{i18n.t('contacts.loadingContacts')}</p>;
  const programsView = later ? <later.ProgramsView onOpen={onOpen} /> : <p className="muted empty" aria-busy="true">{i18n.t('sidepanel.loading')}</p>;

  if (preview.length === 0 && mode === 'programs') {
    // An applicant may list their programs before saving anyone.
    return (
      <>
        <div className="row" style={{ padding: '8px 12px 0' }}>
          <button type="button" className="link" onClick={() => setMode('people')}>
            {i18n.t('programs.backToPeople')}
          </button>
        </div>
        {programsView}
      </>
    );
  }

  if (preview.length === 0) {
    return (
      <div className="empty stack">
        <h2>{i18n.t('contacts.noContactsYet')}</h2>
        <p className="muted">{i18n.t('contacts.openSomeoneSLinkedin')}</p>
        <div>
          <button type="button" className="primary" onClick={onAdd}>{i18n.t('contacts.addAContact')}</button>
          {' '}
          <button type="button" onClick={() => setMode('programs')}>
            {i18n.t('programs.start')}
          </button>
        </div>
      </div>
    );
  }

  const checkedIds = known ? [...checked].filter((id) => known.has(id)) : [...checked];
  const countText = (shown: number) => {
    if (answer?.result && !answer.result.complete) return i18n.t('contacts.firstMatches', { n: formatNumber(shown) });
    if (total === undefined || shown === total) return contactCount(shown);
    return i18n.t('contacts.shownOf', { shown: formatNumber(shown), total: contactCount(total) });
  };

  return (
    <>
      <div className="stack" style={{ padding: '8px 12px', gap: 8 }}>
        <div className="row">
          <input
            ref={searchRef}
            type="search"
            placeholder={i18n.t('contacts.searchNameProgramSchool')}
            aria-label={i18n.t('contacts.searchContacts')}
            value={query}
            onChange={(e) => {
              if (!searching && words(e.target.value).length > 0) setSession((n) => n + 1);
              setQuery(e.target.value);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setQuery('');
              if (e.key === 'ArrowDown') {
                e.preventDefault();
                document.querySelector<HTMLButtonElement>('[data-testid="contact-list"] .contact-row')?.focus();
              }
              if (e.key === 'Enter' && visible?.[0]) onOpen(visible[0]);
            }}
          />
          <button type="button" onClick={onAdd} aria-label={i18n.t('contacts.addAContactBy')}>{i18n.t('contacts.add')}</button>
        </div>
        {pipeline ? (
          <PipelineStrip counts={pipeline.counts} active={filters.status} onSelect={(status) => setFilters({ ...filters, status })} />
        ) : (
          <p className="muted" aria-busy="true" style={{ margin: 0 }}>{i18n.t('contacts.counting')}</p>
        )}
        <div className="spread">
          <div className="tabs" role="group" aria-label={i18n.t('contacts.show')}>
            <button type="button" className="tab" aria-pressed={mode === 'people'} aria-current={mode === 'people' ? 'page' : undefined} onClick={() => setMode('people')}>{i18n.t('contacts.people')}</button>
            <button type="button" className="tab" aria-pressed={mode === 'programs'} aria-current={mode === 'programs' ? 'page' : undefined} onClick={() => setMode('programs')}>{i18n.t('programs.tab')}</button>
          </div>
          <button type="button" className="link" aria-expanded={showFilters} onClick={() => setShowFilters(!showFilters)}>
            {showFilters ? i18n.t('contacts.hideFilters') : i18n.t('contacts.filtersAndSort')}
          </button>
        </div>
        {filters.funnel && (
          <p className="banner row" style={{ margin: 0 }} data-testid="funnel-filter">
            <span>{i18n.t('overview.funnel.filter', { label: filters.funnel.label })}</span>
            <button type="button" className="link" onClick={() => setFilters({ ...filters, funnel: undefined })}>
              {i18n.t('overview.funnel.clear')}
            </button>
          </p>
        )}
        {showFilters && later && <later.FilterBar filters={filters} sort={sort} onFilters={setFilters} onSort={setSort} />}
      </div>
      {checkedIds.length > 0 && later && <later.BulkBar ids={checkedIds} onDone={() => setChecked(new Set())} />}
      {mode === 'programs' ? (
        // Programs are the user's own list, not a view of the searched contacts: it needs no contact list to load.
        programsView
      ) : visible === undefined ? (
        searching ? (
          <p className="muted empty" aria-busy="true">{i18n.t('contacts.searching')}</p>
        ) : (
          // The first page, straight from the name index, while the whole list's order is read.
          <>
            <p className="muted list-meta" aria-busy="true" data-testid="loading-count">
              {loadingCount(total)}
            </p>
            <ContactList ids={preview.map((c) => c.id)} seed={preview} checked={checked} onToggle={toggle} onOpen={onOpen} />
          </>
        )
      ) : visible.length === 0 ? (
        <p className="muted empty" data-testid="no-match" data-query={answering}>{query ? i18n.t('contacts.noContactMatchesQuery', { query }) : i18n.t('contacts.noContactMatchesFilters')}
        </p>
      ) : (
        <>
          {/* data-query: the search these results answer (benchmarks wait for it). */}
          <p className="muted list-meta" aria-live="polite" data-testid="result-count" data-query={answering}>
            {countText(rowCount ?? visible.length)}
          </p>
          <ContactList
            ids={visible}
            count={rowCount}
            onReach={!showingSearch && paging ? paged.reach : undefined}
            seed={preview}
            fresh={answer?.rows}
            checked={checked}
            onToggle={toggle}
            onOpen={onOpen}
          />
        </>
      )}
    </>
  );
}
