/** "Add to calendar" for a meeting, call or in-person meeting logged on a timeline: a one-hour .ics entry at its time. */
import { i18n } from '../../model/i18n';
import { INTERACTION_LABELS, type Interaction, type InteractionKind } from '../../model/schemas';
import { downloadCalendar } from './download';

const MEETINGS: ReadonlySet<InteractionKind> = new Set(['meeting', 'call', 'met_in_person']);

export function MeetingCalendarButton({ interaction, name }: { interaction: Interaction; name: string }) {
  if (!MEETINGS.has(interaction.kind)) return null;
  const kind = INTERACTION_LABELS[interaction.kind];
  return (
    <button
      type="button"
      className="link"
      aria-label={i18n.t('programs.meetingCalendarLabel', { kind })}
      onClick={() =>
        downloadCalendar({
          uid: `interaction-${interaction.id}@rapport`,
          start: { at: interaction.at },
          summary: i18n.t('programs.meetingEvent', { kind, name }),
          description: interaction.text,
        })
      }
    >
      {i18n.t('programs.meetingCalendar')}
    </button>
  );
}
