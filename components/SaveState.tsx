/**
 * What an autosaved field says about itself (components/use-autosave.ts): a quiet "Saved", an error, or — when the
 * same field changed elsewhere while being edited — the other value and the choice between the two.
 */
import { i18n } from '../model/i18n';
import type { Autosave } from './use-autosave';

interface Props<T> {
  autosave: Autosave<T>;
  /** How the other value reads to the user. */
  show?(value: T): string;
  id?: string;
}

export function SaveState<T>({ autosave, show = String, id }: Props<T>) {
  const { status, error, elsewhere } = autosave;
  if (elsewhere) {
    const theirs = show(elsewhere.value);
    return (
      <span className="save-conflict" role="alert" id={id} data-testid="changed-elsewhere">
        <span>{i18n.t('trust.changedElsewhere', { value: theirs === '' ? i18n.t('trust.emptyValue') : theirs })}</span>
        <span className="row" style={{ gap: 6 }}>
          <button type="button" onClick={autosave.keepMine}>
            {i18n.t('trust.keepMine')}
          </button>
          <button type="button" onClick={autosave.takeTheirs}>
            {i18n.t('trust.takeTheirs')}
          </button>
        </span>
      </span>
    );
  }
  if (status === 'error' && error) {
    return (
      <span id={id} className="field-error" role="alert">
        {error}
      </span>
    );
  }
  return (
    <span id={id} className="save-state muted" aria-live="polite">
      {status === 'saving' ? i18n.t('trust.saving') : status === 'saved' ? i18n.t('trust.saved') : ''}
    </span>
  );
}
