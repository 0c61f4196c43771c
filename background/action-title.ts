/**
 * The toolbar button's tooltip. Chrome shows a tab's own title instead of the
 * global one, so every title, global or per tab, leads with what is due
 * (follow-ups, letters, keeping in touch) and then says what a click does on that tab.
 */
import type { DueCounts } from '../followups/due';
import { countOf, dueCountsLabel } from '../followups/due-label';
import { i18n } from '../model/i18n';

/** What a click does on a page that is not a known profile. */
export const defaultTabHint = () => i18n.t('background.defaultTabHint');

export function actionTitle(due: number | DueCounts, tabHint: string = defaultTabHint()): string {
  return countOf(due) > 0
    ? i18n.t('background.actionTitleDue', { due: dueCountsLabel(due), hint: tabHint })
    : i18n.t('background.actionTitle', { hint: tabHint });
}
