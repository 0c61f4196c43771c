import { useLiveQuery } from 'dexie-react-hooks';
import { listInteractions } from '../../storage/interactions';
import { CHANNEL_LABELS, INTERACTION_LABELS } from '../../storage/schemas';
import { MeetingCalendarButton } from '../programs/MeetingCalendarButton';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A contact's interactions, newest first. */
export function Timeline({ contactId, name = '' }: { contactId: string; name?: string }) {
  const interactions = useLiveQuery(() => listInteractions(contactId), [contactId]);
  if (interactions === undefined) return <p className="muted">Loading the timeline…</p>;
  if (interactions.length === 0) return <p className="muted">No interactions yet. Mark a message as sent to start.</p>;
  return (
    <ol className="timeline" aria-label="Timeline" data-testid="timeline">
      {interactions.map((interaction) => (
        <li key={interaction.id}>
          <div>
            <strong>{INTERACTION_LABELS[interaction.kind]}</strong>{' '}
            <span className="muted">
              · {CHANNEL_LABELS[interaction.channel]} · {when.format(interaction.at)}
            </span>{' '}
            <MeetingCalendarButton interaction={interaction} name={name} />
          </div>
          {interaction.text && <div style={{ whiteSpace: 'pre-wrap' }}>{interaction.text}</div>}
        </li>
      ))}
    </ol>
  );
}
