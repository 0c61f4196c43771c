/**
 * The organizations view: everyone the user knows at each organization or
 * program, grouped however the name was typed, with where each conversation
 * stands. Pure, over the ids and index maps from storage/contact-list.ts.
 */
import type { OrganizationIndex } from '../storage/contact-list';
import { STATUSES, type Status } from '../storage/schemas';
import { readingOrder, words } from '../storage/search-fields';

export interface OrganizationGroup {
  /** The name as first seen in the list's order. */
  organization: string;
  /** Its people, in the list's order. */
  ids: string[];
  counts: Record<Status, number>;
}

/** "Northfield General Hospital" and "northfield general hospital" are one organization. */
export function organizationKey(name: string): string {
  return words(name).join(' ');
}

/** Groups the list's ids by organization, largest first; contacts without one are left out. */
export function groupByOrganization(ids: readonly string[], { organizationOf, statusOf }: OrganizationIndex): OrganizationGroup[] {
  const groups = new Map<string, OrganizationGroup>();
  for (const id of ids) {
    const organization = organizationOf.get(id);
    if (!organization) continue;
    const key = organizationKey(organization);
    let group = groups.get(key);
    if (!group) {
      group = { organization, ids: [], counts: Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number> };
      groups.set(key, group);
    }
    group.ids.push(id);
    const status = statusOf.get(id);
    if (status) group.counts[status] += 1;
  }
  return [...groups.values()].sort((a, b) => b.ids.length - a.ids.length || readingOrder.compare(a.organization, b.organization));
}
