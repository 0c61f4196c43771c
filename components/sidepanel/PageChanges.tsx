import { useState } from 'react';
import { notifyDataChanged } from '../../messages';
import { applyPageChange, dismissPageChange } from '../../storage/page-changes';
import { CAPTURED_FIELDS, type CapturedField, type Contact } from '../../storage/schemas';

const LABELS: Record<CapturedField, string> = {
  fullName: 'Name',
  firstName: 'First name',
  lastName: 'Last name',
  honorific: 'Honorific',
  credentials: 'Credentials',
  pronouns: 'Pronouns',
  headline: 'Headline',
  title: 'Title',
  organization: 'Organization',
  specialty: 'Specialty',
  subspecialty: 'Subspecialty',
  location: 'Location',
  about: 'About',
  education: 'Education',
  experience: 'Experience',
  affiliations: 'Affiliations',
  photoUrl: 'Photo link',
  email: 'Email',
  phone: 'Phone',
};

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
  const [error, setError] = useState<string>();
  const pending = contact.pageChanges ?? {};
  const fields = CAPTURED_FIELDS.filter((field) => pending[field] !== undefined);
  if (fields.length === 0) return null;

  const run = async (action: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await action();
      await notifyDataChanged();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <section className="card stack" aria-labelledby="page-changes-heading" data-testid="page-changes">
      <h3 id="page-changes-heading" style={{ margin: 0 }}>
        Changed on the page
      </h3>
      <p className="muted" style={{ margin: 0 }}>
        You edited these fields; the page now shows something else. Your values are kept unless you apply the page’s.
      </p>
      <dl className="stack" style={{ margin: 0 }}>
        {fields.map((field) => (
          <div key={field} className="stack" style={{ gap: 4 }}>
            <dt style={{ fontWeight: 600 }}>{LABELS[field]}</dt>
            <dd style={{ margin: 0 }}>
              <div>
                <span className="muted">Yours: </span>
                {describeValue(contact[field])}
              </div>
              <div>
                <span className="muted">Page: </span>
                {describeValue(pending[field])}
              </div>
              <div className="row" style={{ marginTop: 4 }}>
                <button type="button" aria-label={`Apply the page’s ${LABELS[field].toLowerCase()}`} onClick={() => void run(() => applyPageChange(contact.id, field))}>
                  Apply
                </button>
                <button type="button" aria-label={`Keep your ${LABELS[field].toLowerCase()}`} onClick={() => void run(() => dismissPageChange(contact.id, field))}>
                  Keep mine
                </button>
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
