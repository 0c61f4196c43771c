import { nameProblem } from '../../contacts/name-check';
import { useState } from 'react';
import { addContact } from '../../storage/contacts';
import { fieldError } from './field-validation';
import { i18n } from '../../model/i18n';
import { writeThenNotify } from '../use-write';

interface Props {
  /** A page link to start from (a page about no one, a selection). */
  profileUrl?: string;
  initial?: { fullName?: string; title?: string; organization?: string; email?: string };
  onCreated(id: string): void;
  onCancel(): void;
}

/** A person with no profile page (met at a conference): typed in by hand. */
export function AddContactForm({ profileUrl, initial, onCreated, onCancel }: Props) {
  const [values, setValues] = useState({
    fullName: initial?.fullName ?? '',
    title: initial?.title ?? '',
    organization: initial?.organization ?? '',
    email: initial?.email ?? '',
    event: '',
    date: '',
    link: profileUrl ?? '',
  });
  const [error, setError] = useState<string>();
  const set = (key: keyof typeof values) => (e: { target: { value: string } }) => setValues({ ...values, [key]: e.target.value });
  const opt = (value: string) => value.trim() || undefined;

  const submit = async () => {
    const fullName = values.fullName.trim();
    const problem = nameProblem(fullName);
    if (problem) return setError(problem);
    const emailProblem = fieldError('email', opt(values.email));
    if (emailProblem) return setError(i18n.t('contacts.emailProblem', { problem: emailProblem }));
    const link = opt(values.link);
    const site = link && /linkedin\.com\/in\//i.test(link) ? 'linkedin' : link && /doximity\.com\//i.test(link) ? 'doximity' : 'web';
    const profiles = link ? { [site]: link } : {};
    const linkProblem = fieldError('profiles', profiles);
    if (linkProblem) return setError(i18n.t('contacts.linkProblem', { problem: linkProblem }));
    try {
      const contact = await writeThenNotify(() =>
        addContact({
          fullName,
          title: opt(values.title),
          organization: opt(values.organization),
          email: opt(values.email),
          profiles,
          whereMet: values.event || values.date ? { event: opt(values.event), date: opt(values.date) } : undefined,
        }),
      );
      onCreated(contact.id);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <form
      className="detail"
      aria-labelledby="add-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <h2 id="add-heading">{i18n.t('contacts.addAContact')}</h2>
      <div className="fields">
        <label className="wide">{i18n.t('contacts.nameRequired')}<input value={values.fullName} onChange={set('fullName')} required autoFocus />
        </label>
        <label>{i18n.t('contacts.title')}<input value={values.title} onChange={set('title')} />
        </label>
        <label>{i18n.t('contacts.organizationOrProgram')}<input value={values.organization} onChange={set('organization')} />
        </label>
        <label>{i18n.t('contacts.email')}<input type="email" value={values.email} onChange={set('email')} />
        </label>
        <label>{i18n.t('contacts.profileOrPageLink')}<input type="url" value={values.link} onChange={set('link')} />
        </label>
        <label>{i18n.t('contacts.whereWeMet')}<input value={values.event} onChange={set('event')} placeholder={i18n.t('contacts.acpConferenceAwayRotation')} />
        </label>
        <label>{i18n.t('contacts.whenWeMet')}<input type="date" value={values.date} onChange={set('date')} />
        </label>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary">{i18n.t('contacts.addContact')}</button>
        <button type="button" onClick={onCancel}>{i18n.t('contacts.cancel')}</button>
      </div>
    </form>
  );
}
