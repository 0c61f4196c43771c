/**
 * Why a name typed by hand cannot be saved, if it cannot: empty, or made only of characters that draw nothing
 * (fillers, tag characters, zero-width marks, which the store strips: see model/schemas.ts). Emoji are a name.
 */
import { i18n } from '../model/i18n';
import { clean } from '../capture/text';

export function nameProblem(raw: string): string | undefined {
  if (!raw.trim()) return i18n.t('contacts.nameRequiredError');
  if (!clean(raw)) return i18n.t('trust.nameInvisible');
  return undefined;
}
