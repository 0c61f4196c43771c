/** The side panel's sections and their tab labels: shared by the panel (SidePanelApp) and its first paint. */
import { i18n } from '../../model/i18n';

export type Section = 'contacts' | 'overview' | 'followups' | 'letters' | 'templates' | 'settings';
export const SECTIONS: { id: Section; label: string }[] = [
  { id: 'contacts', get label() { return i18n.t('sidepanel.viewContacts'); } },
  { id: 'overview', get label() { return i18n.t('overview.tab'); } },
  { id: 'followups', get label() { return i18n.t('sidepanel.viewFollowUps'); } },
  { id: 'letters', get label() { return i18n.t('letters.view.heading'); } },
  { id: 'templates', get label() { return i18n.t('sidepanel.viewTemplates'); } },
  { id: 'settings', get label() { return i18n.t('sidepanel.viewSettings'); } },
];
