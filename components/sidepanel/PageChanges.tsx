import { applyPageChange, dismissPageChange } from '../../storage/page-changes';
import { CAPTURED_FIELDS, type CapturedField, type Contact } from '../../model/schemas';
import { i18n } from '../../model/i18n';
import { fieldLabel } from '../labels';
import { useWrite } from '../use-write';

/** A stored or page value as one line of plain text (React escapes it; never markup). */
export function describeValue(value: unknown): string {
  if (value === undefined || value === null || value === '') return '(empty)';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    return value
      .map((item) =>
        typeof item === 'string'
          ? item
          : Object.values(item as Record<string, unknown>)
              .filter((v) => v !== undefined && v !== '')
              .join(', '),
      )
      .join('; ');
  }
  return String(value);
}

/**
 * What changed on the page for fields the user edited by hand: a later capture
 * never overwrites the user's value, it shows the page's here, to apply or dismiss.
 */
export function PageChanges({ contact }: { contact: Contact }) {
  const { error, run } = useWrite();
  const pending = contact.pageChanges ?? {};
  const fields = CAPTURED_FIELDS.filter((field) => pending[field] !== undefined);
  if (fields.length === 0) return null;

  return (
    <section className="card stack" aria-labelledby="page-changes-heading" data-testid="page-changes">
      <h3 id="page-changes-heading" style={{ margin: 0 }}>{i18n.t('sidepanel.changedOnThePage')}</h3>
      <p className="muted" style={{ margin: 0 }}>{i18n.t('sidepanel.youEditedTheseFields')}</p>
      <dl className="stack" style={{ margin: 0 }}>
        {fields.map((field) => (
          <div key={field} className="stack" style={{ gap: 4 }}>
            <dt style={{ fontWeight: 600 }}>{fieldLabel(field)}</dt>
            <dd style={{ margin: 0 }}>
              <div>
                <span className="muted">{i18n.t('sidepanel.yours')}{' '}</span>
                {describeValue(contact[field])}
              </div>
              <div>
                <span className="muted">{i18n.t('sidepanel.page')}{' '}</span>
                {describeValue(pending[field])}
              </div>
              <div className="row" style={{ marginTop: 4 }}>
                <button type="button" aria-label={i18n.t('sidepanel.applyThePageS', { field: fieldLabel(field).toLowerCase() })} onClick={() => void run(() => applyPageChange(contact.id, field))}>{i18n.t('sidepanel.apply')}</button>
                <button type="button" aria-label={i18n.t('sidepanel.keepYour', { field: fieldLabel(field).toLowerCase() })} onClick={() => void run(() => dismissPageChange(contact.id, field))}>{i18n.t('sidepanel.keepMine')}</button>
              </div>
            </dd>
          </div>
        ))}
      </dl>
      {error && (
        <p className="error" role="alert" style={{ margin: 0 }}>
          {error}
        </p>
      )}
    </section>
  );
}
