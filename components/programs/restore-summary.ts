/**
 * The sentence a restore's dry run (and its report) adds about programs: how
 * many it adds and updates, the people it links, and, replacing, how many
 * programs it erases. Page side, as it speaks through i18n (the import worker
 * has no extension APIs); empty when no program is concerned.
 */
import { i18n } from '../../model/i18n';
import type { RestorePlanView } from '../../messages/import-worker';

export function programsInRestore(view: RestorePlanView, done = false): string {
  const { add, update, links } = view.programs;
  const removed = view.mode === 'replace' && !done ? view.removed.programs : 0;
  if (add + update + links + removed === 0) return '';
  const values = { add: String(add), update: String(update), links: String(links), removed: String(removed) };
  const sentence = done ? i18n.t('programs.restoreDone', values) : i18n.t('programs.restorePlan', values);
  return removed > 0 ? `${sentence} ${i18n.t('programs.restoreReplacing', removed, values)}` : sentence;
}
