/** On a contact's page: the programs the person is linked to (read with the rest of its detail: storage/contact-detail.ts). */
import { i18n } from '../../model/i18n';
import type { Program } from '../../model/schemas';

export function ContactPrograms({ programs }: { programs: readonly Program[] }) {
  if (programs.length === 0) return null;
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
