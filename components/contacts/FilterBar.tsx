import { useLiveQuery } from 'dexie-react-hooks';
import { distinctValues, SORTS, type Filters, type Sort } from '../../storage/contact-list';
import { SOURCES, STATUSES, type Source, type Status } from '../../model/schemas';
import { i18n } from '../../model/i18n';
import { labelsOf } from '../labels';

interface Props {
  filters: Filters;
  sort: Sort;
  onFilters(filters: Filters): void;
  onSort(sort: Sort): void;
}

function Choice<T extends string>(props: {
  label: string;
  value: T | undefined;
  options: readonly T[];
  labels?: Partial<Record<T, string>>;
  onChange(value: T | undefined): void;
}) {
  return (
    <label className="filter">
      {props.label}
      <select value={props.value ?? ''} onChange={(e) => props.onChange((e.target.value || undefined) as T | undefined)}>
        <option value="">{i18n.t('contacts.all')}</option>
        {props.options.map((option) => (
          <option key={option} value={option}>
            {props.labels?.[option] ?? option}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Filters and sort for the contacts list. */
export function FilterBar({ filters, sort, onFilters, onSort }: Props) {
  // The menus offer the values in use, read from the indexes (each value once).
  const tags = useLiveQuery(() => distinctValues('tags'), []) ?? [];
  const organizations = useLiveQuery(() => distinctValues('organization'), []) ?? [];
  const specialties = useLiveQuery(() => distinctValues('specialty'), []) ?? [];
  const set = (patch: Partial<Filters>) => onFilters({ ...filters, ...patch });
  const active = Object.values(filters).some((v) => v !== undefined && v !== false);
  return (
    <div className="filters" role="group" aria-label={i18n.t('contacts.filters')}>
      <Choice<Status> label={i18n.t('contacts.status')} value={filters.status} options={STATUSES} labels={labelsOf.status(STATUSES)} onChange={(status) => set({ status })} />
      <Choice label={i18n.t('contacts.tag')} value={filters.tag} options={tags} onChange={(tag) => set({ tag })} />
      <Choice<Source> label={i18n.t('contacts.source')} value={filters.source} options={SOURCES} labels={labelsOf.source(SOURCES)} onChange={(source) => set({ source })} />
      <Choice label={i18n.t('contacts.organization')} value={filters.organization} options={organizations} onChange={(organization) => set({ organization })} />
      <Choice label={i18n.t('contacts.specialty')} value={filters.specialty} options={specialties} onChange={(specialty) => set({ specialty })} />
      <label className="filter">{i18n.t('contacts.sortBy')}<select value={sort} onChange={(e) => onSort(e.target.value as Sort)}>
          {(Object.keys(SORTS) as Sort[]).map((key) => (
            <option key={key} value={key}>
              {SORTS[key]}
            </option>
          ))}
        </select>
      </label>
      <label className="filter checkbox">
        <input type="checkbox" checked={filters.due ?? false} onChange={(e) => set({ due: e.target.checked || undefined })} />{i18n.t('contacts.followUpDue')}</label>
      {active && (
        <button type="button" className="link" onClick={() => onFilters({})}>{i18n.t('contacts.clearFilters')}</button>
      )}
    </div>
  );
}
