/**
 * The contacts list's count lines, in words: shared by the list (ContactsView) and the side panel's first paint
 * (components/first-paint/), which draws the same line before React loads. No React here: the first paint imports it.
 */
import { i18n } from '../../model/i18n';
import { formatNumber } from '../format';

/** "1 contact", "2 contacts". */
export const contactCount = (n: number) => i18n.t('contacts.contactCount', n, { n: formatNumber(n) });

/** The line above the first page while the whole list is read: with the total once it is known. */
export const loadingCount = (total: number | undefined) =>
  total === undefined ? i18n.t('contacts.loadingAllContacts') : i18n.t('contacts.loading', { contactCount: contactCount(total) });
