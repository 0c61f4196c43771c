/**
 * The toolbar button's tooltip. Chrome shows a tab's own title instead of the
 * global one, so every title, global or per tab, leads with the number of
 * follow-ups due and then says what a click does on that tab.
 */
import { dueLabel } from '../followups/rules';

/** What a click does on a page that is not a known profile. */
export const DEFAULT_TAB_HINT = 'save a person from this page';

export function actionTitle(due: number, tabHint: string = DEFAULT_TAB_HINT): string {
  return due > 0 ? `Rapport: ${dueLabel(due)} · ${tabHint}` : `Rapport: ${tabHint}`;
}
