/** Words for letters shared by the due list and the Letters view: statuses, kinds, waivers, a writer's name. */
import { i18n } from '../../model/i18n';
import type { Contact, Letter, LetterKind, LetterStatus, Waiver } from '../../model/schemas';

export function letterStatusLabel(status: LetterStatus): string {
  switch (status) {
    case 'planned':
      return i18n.t('letters.status.planned');
    case 'asked':
      return i18n.t('letters.status.asked');
    case 'agreed':
      return i18n.t('letters.status.agreed');
    case 'submitted':
      return i18n.t('letters.status.submitted');
    case 'thanked':
      return i18n.t('letters.status.thanked');
    case 'declined':
      return i18n.t('letters.status.declined');
    case 'withdrawn':
      return i18n.t('letters.status.withdrawn');
  }
}

export function kindLabel(kind: LetterKind): string {
  switch (kind) {
    case 'specialty':
      return i18n.t('letters.kind.specialty');
    case 'chair':
      return i18n.t('letters.kind.chair');
    case 'slor':
      return i18n.t('letters.kind.slor');
    case 'research':
      return i18n.t('letters.kind.research');
    case 'other':
      return i18n.t('letters.kind.other');
  }
}

export function waiverLabel(waiver: Waiver): string {
  return waiver === 'waived' ? i18n.t('letters.waiver.waived') : i18n.t('letters.waiver.notWaived');
}

/** "Specialty letter", or the kind and what it is for. */
export function letterKindLabel(letter: Pick<Letter, 'kind'>): string {
  return kindLabel(letter.kind);
}

/** A writer deleted with their letters kept still needs a name on the letter. */
export function writerName(writer: Pick<Contact, 'fullName'> | undefined): string {
  return writer?.fullName ?? i18n.t('letters.deletedWriter');
}
