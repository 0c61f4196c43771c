import { updateContact, type ContactPatch } from '../../storage/contacts';
import { afterWrite } from '../use-write';
import { Education, Experience, type Contact } from '../../model/schemas';
import { nameProblem } from '../../contacts/name-check';
import { fieldError } from './field-validation';
import { RowsEditor } from './RowsEditor';
import { TagEditor } from './TagEditor';
import { TextField } from './TextField';
import { i18n } from '../../model/i18n';
import { fieldLabel } from '../labels';

type TextKey = 'fullName' | 'pronouns' | 'headline' | 'title' | 'organization' | 'specialty' | 'subspecialty' | 'location' | 'email' | 'phone' | 'photoUrl' | 'about';

const TEXT_FIELDS: { key: TextKey; type?: 'email' | 'tel' | 'url'; wide?: boolean; multiline?: boolean }[] = [
  { key: 'fullName', wide: true },
  { key: 'headline', wide: true },
  { key: 'title' },
  { key: 'organization' },
  { key: 'specialty' },
  { key: 'subspecialty' },
  { key: 'location' },
  { key: 'pronouns' },
  { key: 'email', type: 'email' },
  { key: 'phone', type: 'tel' },
  { key: 'photoUrl', type: 'url', wide: true },
  { key: 'about', wide: true, multiline: true },
];

/** Every field of a contact, editable; each saves itself as it is typed, after validation, field by field. */
export function ContactFields({ contact }: { contact: Contact }) {
  const save = afterWrite((patch: ContactPatch | ((stored: Contact) => ContactPatch)) => updateContact(contact.id, patch));
  const optional = (value: string) => (value === '' ? undefined : value);

  return (
    <div className="stack">
      <div className="fields">
        {TEXT_FIELDS.map(({ key, type, wide, multiline }) => (
          <TextField
            key={key}
            journal={`contact:${contact.id}:${key}`}
            label={fieldLabel(key)}
            type={type}
            multiline={multiline}
            className={wide ? 'wide' : undefined}
            value={contact[key]}
            validate={(value) => (key === 'fullName' ? nameProblem(value) : fieldError(key, optional(value)))}
            onSave={(value) => save({ [key]: key === 'fullName' ? value : optional(value) })}
          />
        ))}
        <TextField
          journal={`contact:${contact.id}:credentials`}
          label={i18n.t('contacts.credentialsCommaSeparated')}
          value={contact.credentials.join(', ')}
          onSave={(value) => save({ credentials: value.split(',').map((c) => c.trim()).filter(Boolean) })}
        />
        <TextField
          journal={`contact:${contact.id}:whereMet.event`}
          label={i18n.t('contacts.whereWeMet')}
          value={contact.whereMet?.event}
          placeholder={i18n.t('contacts.acpConferenceAwayRotation')}
          onSave={(value) => save((stored) => ({ whereMet: { ...stored.whereMet, event: optional(value) } }))}
        />
        <TextField
          journal={`contact:${contact.id}:whereMet.date`}
          label={i18n.t('contacts.whenWeMet')}
          type="date"
          value={contact.whereMet?.date}
          onSave={(value) => save((stored) => ({ whereMet: { ...stored.whereMet, date: optional(value) } }))}
        />
        {(['linkedin', 'doximity', 'web'] as const).map((site) => (
          <TextField
            key={site}
            journal={`contact:${contact.id}:profiles.${site}`}
            label={site === 'linkedin' ? i18n.t('contacts.linkedinProfile') : site === 'doximity' ? i18n.t('contacts.doximityProfile') : i18n.t('contacts.webPage')}
            type="url"
            value={contact.profiles[site]}
            validate={(value) => fieldError('profiles', { ...contact.profiles, [site]: optional(value) })}
            onSave={(value) => save((stored) => ({ profiles: { ...stored.profiles, [site]: optional(value) } }))}
          />
        ))}
      </div>
      <div>
        <span className="muted" style={{ fontSize: 12 }}>{i18n.t('contacts.tags')}</span>
        <TagEditor journal={`contact:${contact.id}:new-tag`} tags={contact.tags} onChange={(update) => save((stored) => ({ tags: update(stored.tags) }))} />
      </div>
      <RowsEditor
        title={i18n.t('contacts.education')}
        rows={contact.education}
        empty={{ school: '' }}
        columns={[
          { key: 'school', get label() { return i18n.t('contacts.fieldSchool'); } },
          { key: 'degree', get label() { return i18n.t('contacts.fieldDegree'); } },
          { key: 'startYear', get label() { return i18n.t('contacts.fieldFrom'); }, type: 'number' },
          { key: 'endYear', get label() { return i18n.t('contacts.fieldTo'); }, type: 'number' },
        ]}
        onSave={(rows) => save({ education: rows.filter((r) => r.school?.trim()).map((r) => Education.parse(r)) })}
      />
      <RowsEditor
        title={i18n.t('contacts.experience')}
        rows={contact.experience}
        empty={{}}
        columns={[
          { key: 'title', get label() { return i18n.t('contacts.fieldTitle'); } },
          { key: 'organization', get label() { return i18n.t('contacts.fieldOrganization'); } },
          { key: 'start', get label() { return i18n.t('contacts.fieldFrom'); } },
          { key: 'end', get label() { return i18n.t('contacts.fieldTo'); } },
        ]}
        onSave={(rows) => save({ experience: rows.filter((r) => r.title || r.organization).map((r) => Experience.parse(r)) })}
      />
    </div>
  );
}
