/**
 * The toolbar button's tooltip. Chrome shows a tab's own title instead of the
 * global one, so every title, global or per tab, leads with the number of
 * follow-ups due and then says what a click does on that tab.
 */
import { dueLabel } from '../followups/rules';
import { i18n } from '#i18n';

/** What a click does on a page that is not a known profile. */
export const defaultTabHint = () => i18n.t('background.defaultTabHint');

export function actionTitle(due: number, tabHint: string = defaultTabHint()): string {
  return due > 0 ? i18n.t('background.actionTitleDue', { due: dueLabel(due), hint: tabHint }) : i18n.t('background.actionTitle', { hint: tabHint });
}
