import { i18n } from '../../model/i18n';
import type { Interaction } from '../../model/schemas';
import { formatDateTime } from '../format';
import { interactionLabel, channelLabel } from '../labels';
import { MeetingCalendarButton } from '../programs/MeetingCalendarButton';


/** A contact's interactions, newest first (read with the rest of the contact's detail: storage/contact-detail.ts). */
export function Timeline({ interactions, name = '' }: { interactions: readonly Interaction[]; name?: string }) {
  if (interactions.length === 0) return <p className="muted" data-testid="no-timeline">{i18n.t('sidepanel.noInteractionsYetMark')}</p>;
  return (
    <ol className="timeline" aria-label={i18n.t('sidepanel.timeline')} data-testid="timeline">
      {interactions.map((interaction) => (
        <li key={interaction.id}>
          <div>
            <strong>{interactionLabel(interaction.kind)}</strong>{' '}
            <span className="muted">
              · {channelLabel(interaction.channel)} · {formatDateTime(interaction.at)}
            </span>{' '}
            <MeetingCalendarButton interaction={interaction} name={name} />
          </div>
          {interaction.text && <div style={{ whiteSpace: 'pre-wrap' }}>{interaction.text}</div>}
        </li>
      ))}
    </ol>
  );
}
