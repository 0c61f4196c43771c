import { format, parse } from 'date-fns';
import { useState } from 'react';
import { notifyDataChanged } from '../../messages';
import { Select } from '../Select';
import { logInteraction } from '../../storage/interactions';
import { CHANNELS, CHANNEL_LABELS, INTERACTION_KINDS, INTERACTION_LABELS, type Channel, type InteractionKind } from '../../storage/schemas';

/** Records something that happened outside Rapport: a meeting, a call, a letter agreed, a note. */
export function AddInteractionForm({ contactId }: { contactId: string }) {
  const [kind, setKind] = useState<InteractionKind>('met_in_person');
  const [channel, setChannel] = useState<Channel>('in_person');
  const [day, setDay] = useState(() => format(Date.now(), 'yyyy-MM-dd'));
  const [text, setText] = useState('');
  const [status, setStatus] = useState<{ text: string; error?: boolean }>();

  return (
    <details>
      <summary className="muted">Log a meeting, call, letter or note</summary>
    <form
      className="stack card"
      style={{ marginTop: 8 }}
      aria-label="Add to the timeline"
      onSubmit={(e) => {
        e.preventDefault();
        const now = new Date();
        const date = parse(day, 'yyyy-MM-dd', now);
        // Keep the time of day when logging today, so today's entries stay in order.
        const at = format(date, 'yyyy-MM-dd') === format(now, 'yyyy-MM-dd') ? now.getTime() : date.setHours(12, 0, 0, 0);
        if (Number.isNaN(at)) {
          setStatus({ text: 'Choose a valid date.', error: true });
          return;
        }
        logInteraction(contactId, { kind, channel, at, text: text.trim() || undefined })
          .then(notifyDataChanged)
          .then(
            () => {
              setText('');
              setStatus({ text: `${INTERACTION_LABELS[kind]} added to the timeline.` });
            },
            (error: Error) => setStatus({ text: error.message, error: true }),
          );
      }}
    >
      <Select label="What happened" value={kind} options={INTERACTION_KINDS} labels={INTERACTION_LABELS} onChange={setKind} />
      <div className="row">
        <Select label="How" value={channel} options={CHANNELS} labels={CHANNEL_LABELS} onChange={setChannel} style={{ flex: 1 }} />
        <label style={{ flex: 1 }}>
          When
          <input type="date" value={day} required onChange={(e) => setDay(e.target.value)} />
        </label>
      </div>
      <label>
        Details (optional)
        <textarea rows={2} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <div className="spread">
        <span className={status?.error ? 'error' : 'muted'} role={status?.error ? 'alert' : 'status'}>
          {status?.text}
        </span>
        <button type="submit">Add to timeline</button>
      </div>
    </form>
    </details>
  );
}
