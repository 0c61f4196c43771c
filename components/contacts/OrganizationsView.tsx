import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { groupByOrganization, type OrganizationGroup } from '../../contacts/organizations';
import { contactsByIds, organizationIndex } from '../../storage/contact-list';
import { STATUSES } from '../../storage/schemas';
import { useContactsQuery } from '../use-contacts-query';
import { i18n } from '#i18n';
import { statusLabel } from '../labels';

interface Props {
  /** The list's ids, searched, filtered and sorted. */
  ids: readonly string[];
  onOpen(id: string): void;
}

/** Organizations shown at first, and added by each "Show more organizations". */
const GROUPS_PAGE = 50;
/** People named on an organization's card before "Show all". */
const NAMED = 6;

/** Everyone the user knows at each organization or program, with where each conversation stands. */
export function OrganizationsView({ ids, onOpen }: Props) {
  const index = useContactsQuery(organizationIndex, []);
  const groups = useMemo(() => (index ? groupByOrganization(ids, index) : undefined), [ids, index]);
  const [shown, setShown] = useState(GROUPS_PAGE);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());

  if (!groups) return <p className="muted empty" aria-busy="true">{i18n.t('contacts.loadingOrganizations')}</p>;
  if (groups.length === 0) return <p className="muted empty">{i18n.t('contacts.noContactHereHas')}</p>;

  return (
    <div className="detail">
      <ul className="org-list" aria-label={i18n.t('contacts.organizations')}>
        {groups.slice(0, shown).map((group) => (
          <OrganizationCard
            key={group.organization}
            group={group}
            expanded={expanded.has(group.organization)}
            onExpand={() => setExpanded(new Set(expanded).add(group.organization))}
            onOpen={onOpen}
          />
        ))}
      </ul>
      {groups.length > shown && (
        <button type="button" onClick={() => setShown(shown + GROUPS_PAGE)}>{i18n.t('contacts.showMoreOrganizations', { n: groups.length - shown })}</button>
      )}
    </div>
  );
}

function OrganizationCard({ group, expanded, onExpand, onOpen }: { group: OrganizationGroup; expanded: boolean; onExpand(): void; onOpen(id: string): void }) {
  const named = expanded ? group.ids : group.ids.slice(0, NAMED);
  // Only the people named on the card are read.
  const people = useLiveQuery(() => contactsByIds(named), [named.join('\n')]);
  const summary = STATUSES.filter((s) => group.counts[s] > 0)
    .map((s) => `${group.counts[s]} ${statusLabel(s).toLowerCase()}`)
    .join(', ');
  const count = group.ids.length;
  return (
    <li className="card stack" style={{ gap: 4 }}>
      <h2>{group.organization}</h2>
      <p className="muted" style={{ margin: 0 }}>
        {i18n.t('contacts.orgSummary', count, { n: count, summary })}
      </p>
      <ul className="chips" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-busy={people === undefined}>
        {(people ?? []).map((contact) => (
          <li key={contact.id}>
            <button type="button" className="link" onClick={() => onOpen(contact.id)}>
              {contact.fullName} ({statusLabel(contact.status)})
            </button>
          </li>
        ))}
        {!expanded && count > NAMED && (
          <li>
            <button type="button" className="link" onClick={onExpand} aria-label={i18n.t('contacts.showAllContactsAt', { count, organization: group.organization })}>{i18n.t('contacts.andMore', { n: count - NAMED })}</button>
          </li>
        )}
      </ul>
    </li>
  );
}
