/** The words the interface shows for program stages and kinds, and how dates read. */
import { i18n } from '../../model/i18n';
import type { ProgramKind, ProgramStage } from '../../model/schemas';

export function stageLabel(stage: ProgramStage): string {
  return i18n.t(`programs.stages.${stage}`);
}

export function kindLabel(kind: ProgramKind): string {
  return i18n.t(`programs.kinds.${kind}`);
}

const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** A YYYY-MM-DD date as the user's locale writes it (read as a local day, never shifted by a time zone). */
export function formatDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return dayFormat.format(new Date(y!, m! - 1, d!));
}

export function formatMoment(at: number): string {
  return dayFormat.format(at);
}
