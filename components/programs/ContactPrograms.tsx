/** On a contact's page: the programs the person is linked to. */
import { i18n } from '../../model/i18n';
import { useLiveQuery } from 'dexie-react-hooks';
import { programsOfContact } from '../../storage/programs';

export function ContactPrograms({ contactId }: { contactId: string }) {
  const programs = useLiveQuery(() => programsOfContact(contactId), [contactId]);
  if (!programs || programs.length === 0) return null;
  return (
    <p className="row" style={{ margin: 0, flexWrap: 'wrap' }} data-testid="contact-programs">
      <span className="muted">{i18n.t('programs.contactPrograms')}:</span>
      {programs.map((program) => (
        <span key={program.id} className="pill">
          {program.name}
        </span>
      ))}
    </p>
  );
}
