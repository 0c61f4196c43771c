/**
 * The toolbar button's tooltip. Chrome shows a tab's own title instead of the
 * global one, so every title, global or per tab, leads with what is due
 * (follow-ups, letters, keeping in touch) and then says what a click does on that tab.
 */
import type { DueCounts } from '../followups/due';
import { countOf, dueCountsLabel } from '../followups/due-label';

/** What a click does on a page that is not a known profile. */
export const DEFAULT_TAB_HINT = 'save a person from this page';

export function actionTitle(due: number | DueCounts, tabHint: string = DEFAULT_TAB_HINT): string {
  return countOf(due) > 0 ? `Rapport: ${dueCountsLabel(due)} · ${tabHint}` : `Rapport: ${tabHint}`;
}
