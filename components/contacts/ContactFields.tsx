import { updateContact, type ContactPatch } from '../../storage/contacts';
import { notifyDataChanged } from '../../messages';
import { Education, Experience, type Contact } from '../../storage/schemas';
import { nameProblem } from '../../contacts/name-check';
import { fieldError } from './field-validation';
import { RowsEditor } from './RowsEditor';
import { TagEditor } from './TagEditor';
import { TextField } from './TextField';

type TextKey = 'fullName' | 'pronouns' | 'headline' | 'title' | 'organization' | 'specialty' | 'subspecialty' | 'location' | 'email' | 'phone' | 'photoUrl' | 'about';

const TEXT_FIELDS: { key: TextKey; label: string; type?: 'email' | 'tel' | 'url'; wide?: boolean; multiline?: boolean }[] = [
  { key: 'fullName', label: 'Name', wide: true },
  { key: 'headline', label: 'Headline', wide: true },
  { key: 'title', label: 'Title' },
  { key: 'organization', label: 'Organization or program' },
  { key: 'specialty', label: 'Specialty' },
  { key: 'subspecialty', label: 'Subspecialty' },
  { key: 'location', label: 'Location' },
  { key: 'pronouns', label: 'Pronouns' },
  { key: 'email', label: 'Email', type: 'email' },
  { key: 'phone', label: 'Phone', type: 'tel' },
  { key: 'photoUrl', label: 'Photo link', type: 'url', wide: true },
  { key: 'about', label: 'About', wide: true, multiline: true },
];

/** Every field of a contact, editable; each saves itself as it is typed, after validation, field by field. */
export function ContactFields({ contact }: { contact: Contact }) {
  const save = async (patch: ContactPatch | ((stored: Contact) => ContactPatch)) => {
    await updateContact(contact.id, patch);
    await notifyDataChanged();
  };
  const optional = (value: string) => (value === '' ? undefined : value);

  return (
    <div className="stack">
      <div className="fields">
        {TEXT_FIELDS.map(({ key, label, type, wide, multiline }) => (
          <TextField
            key={key}
            journal={`contact:${contact.id}:${key}`}
            label={label}
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
          label="Credentials (comma-separated)"
          value={contact.credentials.join(', ')}
          onSave={(value) => save({ credentials: value.split(',').map((c) => c.trim()).filter(Boolean) })}
        />
        <TextField
          journal={`contact:${contact.id}:whereMet.event`}
          label="Where we met"
          value={contact.whereMet?.event}
          placeholder="ACP conference, away rotation…"
          onSave={(value) => save((stored) => ({ whereMet: { ...stored.whereMet, event: optional(value) } }))}
        />
        <TextField
          journal={`contact:${contact.id}:whereMet.date`}
          label="When we met"
          type="date"
          value={contact.whereMet?.date}
          onSave={(value) => save((stored) => ({ whereMet: { ...stored.whereMet, date: optional(value) } }))}
        />
        {(['linkedin', 'doximity', 'web'] as const).map((site) => (
          <TextField
            key={site}
            journal={`contact:${contact.id}:profiles.${site}`}
            label={site === 'linkedin' ? 'LinkedIn profile' : site === 'doximity' ? 'Doximity profile' : 'Web page'}
            type="url"
            value={contact.profiles[site]}
            validate={(value) => fieldError('profiles', { ...contact.profiles, [site]: optional(value) })}
            onSave={(value) => save((stored) => ({ profiles: { ...stored.profiles, [site]: optional(value) } }))}
          />
        ))}
      </div>
      <div>
        <span className="muted" style={{ fontSize: 12 }}>
          Tags
        </span>
        <TagEditor journal={`contact:${contact.id}:new-tag`} tags={contact.tags} onChange={(update) => save((stored) => ({ tags: update(stored.tags) }))} />
      </div>
      <RowsEditor
        title="Education"
        rows={contact.education}
        empty={{ school: '' }}
        columns={[
          { key: 'school', label: 'School' },
          { key: 'degree', label: 'Degree' },
          { key: 'startYear', label: 'From', type: 'number' },
          { key: 'endYear', label: 'To', type: 'number' },
        ]}
        onSave={(rows) => save({ education: rows.filter((r) => r.school?.trim()).map((r) => Education.parse(r)) })}
      />
      <RowsEditor
        title="Experience"
        rows={contact.experience}
        empty={{}}
        columns={[
          { key: 'title', label: 'Title' },
          { key: 'organization', label: 'Organization' },
          { key: 'start', label: 'From' },
          { key: 'end', label: 'To' },
        ]}
        onSave={(rows) => save({ experience: rows.filter((r) => r.title || r.organization).map((r) => Experience.parse(r)) })}
      />
    </div>
  );
}
