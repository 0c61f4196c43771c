import { format, parse } from 'date-fns';
import { useState } from 'react';
import { Select } from '../Select';
import { afterWrite } from '../use-write';
import { logInteraction } from '../../storage/interactions';
import { CHANNELS, INTERACTION_KINDS, type Channel, type InteractionKind } from '../../model/schemas';
import { i18n } from '../../model/i18n';
import { interactionLabel, labelsOf } from '../labels';

/** Records something that happened outside Rapport: a meeting, a call, a letter agreed, a note. */
export function AddInteractionForm({ contactId }: { contactId: string }) {
  const [kind, setKind] = useState<InteractionKind>('met_in_person');
  const [channel, setChannel] = useState<Channel>('in_person');
  const [day, setDay] = useState(() => format(Date.now(), 'yyyy-MM-dd'));
  const [text, setText] = useState('');
  const [status, setStatus] = useState<{ text: string; error?: boolean }>();

  return (
    <details>
      <summary className="muted">{i18n.t('contacts.logAMeetingCall')}</summary>
    <form
      className="stack card"
      style={{ marginTop: 8 }}
      aria-label={i18n.t('contacts.addToTheTimeline')}
      onSubmit={(e) => {
        e.preventDefault();
        const now = new Date();
        const date = parse(day, 'yyyy-MM-dd', now);
        // Keep the time of day when logging today, so today's entries stay in order.
        const at = format(date, 'yyyy-MM-dd') === format(now, 'yyyy-MM-dd') ? now.getTime() : date.setHours(12, 0, 0, 0);
        if (Number.isNaN(at)) {
          setStatus({ text: i18n.t('contacts.chooseValidDate'), error: true });
          return;
        }
        afterWrite(() => logInteraction(contactId, { kind, channel, at, text: text.trim() || undefined }))()
          .then(
            () => {
              setText('');
              setStatus({ text: i18n.t('contacts.addedToTimeline', { kind: interactionLabel(kind) }) });
            },
            (error: Error) => setStatus({ text: error.message, error: true }),
          );
      }}
    >
      <Select label={i18n.t('contacts.whatHappened')} value={kind} options={INTERACTION_KINDS} labels={labelsOf.interaction(INTERACTION_KINDS)} onChange={setKind} />
      <div className="row">
        <Select label={i18n.t('contacts.how')} value={channel} options={CHANNELS} labels={labelsOf.channel(CHANNELS)} onChange={setChannel} style={{ flex: 1 }} />
        <label style={{ flex: 1 }}>{i18n.t('contacts.when')}<input type="date" value={day} required onChange={(e) => setDay(e.target.value)} />
        </label>
      </div>
      <label>{i18n.t('contacts.detailsOptional')}<textarea rows={2} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <div className="spread">
        <span className={status?.error ? 'error' : 'muted'} role={status?.error ? 'alert' : 'status'}>
          {status?.text}
        </span>
        <button type="submit">{i18n.t('contacts.addToTimeline')}</button>
      </div>
    </form>
    </details>
  );
}
