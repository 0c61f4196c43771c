import { useLiveQuery } from 'dexie-react-hooks';
import { listInteractions } from '../../storage/interactions';
import { i18n } from '../../model/i18n';
import { formatDateTime } from '../format';
import { interactionLabel, channelLabel } from '../labels';
import { MeetingCalendarButton } from '../programs/MeetingCalendarButton';


/** A contact's interactions, newest first. */
export function Timeline({ contactId, name = '' }: { contactId: string; name?: string }) {
  const interactions = useLiveQuery(() => listInteractions(contactId), [contactId]);
  if (interactions === undefined) return <p className="muted">{i18n.t('sidepanel.loadingTheTimeline')}</p>;
  if (interactions.length === 0) return <p className="muted">{i18n.t('sidepanel.noInteractionsYetMark')}</p>;
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
