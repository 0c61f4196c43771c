/**
 * Settings › Letter reminders and keeping in touch: the days before a
 * deadline at which a pending letter is nudged, and a keep-in-touch interval
 * per tag. Changing either moves every reminder it governs at once.
 */
import { i18n } from '../../model/i18n';
import { useLiveQuery } from 'dexie-react-hooks';
import { useId } from 'react';
import { useWriteStatus, writeThenNotify } from '../use-write';
import { TextField } from '../contacts/TextField';
import { distinctValues } from '../../storage/contact-list';
import { setTagIntervals } from '../../storage/keep-in-touch';
import { recomputeLetterReminders } from '../../storage/letters';
import { getSettings, updateSettings } from '../../storage/settings';
import { KeepInTouchSelect } from '../letters/KeepInTouchSelect';

/** "14, 3" → [14, 3]; undefined when any part is not a whole number of days from 1 to 120. */
export function parseNudgeDays(text: string): number[] | undefined {
  const parts = text.split(',').map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0 || parts.length > 5) return undefined;
  const days = parts.map(Number);
  return days.every((d) => Number.isInteger(d) && d >= 1 && d <= 120) ? [...new Set(days)].sort((a, b) => b - a) : undefined;
}

export function LetterSettings() {
  const settings = useLiveQuery(getSettings, []);
  const tags = useLiveQuery(() => distinctValues('tags'), []);
  const { status, run: write } = useWriteStatus();
  const hintId = useId();
  const tagHintId = useId();

  if (!settings || !tags) return <p className="muted">{i18n.t('letters.view.loading')}</p>;

  const run = (action: () => Promise<unknown>) =>
    write(async () => {
      await action();
      return i18n.t('letters.settings.saved');
    });

  return (
    <section className="stack" aria-labelledby="letter-reminders-heading" data-testid="letter-settings">
      <h2 id="letter-reminders-heading">{i18n.t('letters.settings.heading')}</h2>
      <TextField
        label={i18n.t('letters.settings.nudgeDays')}
        value={settings.letterNudgeDays.join(', ')}
        inputMode="numeric"
        describedBy={hintId}
        // A list typed with commas is written when it is finished (blur, Enter, closing the panel), not halfway.
        delay={null}
        journal="settings:letterNudgeDays"
        validate={(text) => (parseNudgeDays(text) ? undefined : i18n.t('letters.settings.nudgeInvalid'))}
        onSave={(text) => {
          const days = parseNudgeDays(text)!;
          if (days.join(',') === settings.letterNudgeDays.join(',')) return Promise.resolve();
          return writeThenNotify(async () => {
            await updateSettings({ letterNudgeDays: days });
            await recomputeLetterReminders();
          });
        }}
      />
      <p id={hintId} className="muted" style={{ margin: 0 }}>
        {i18n.t('letters.settings.nudgeHint')}
      </p>
      <h3>{i18n.t('letters.keep.tagsHeading')}</h3>
      <p id={tagHintId} className="muted" style={{ margin: 0 }}>
        {i18n.t('letters.keep.tagsHint')}
      </p>
      {tags.length === 0 ? (
        <p className="muted" style={{ margin: 0 }}>
          {i18n.t('letters.keep.noTags')}
        </p>
      ) : (
        <div className="stack" style={{ gap: 6 }}>
          {tags.map((tag) => (
            <KeepInTouchSelect
              key={tag}
              label={i18n.t('letters.keep.tagInterval', { tag })}
              value={settings.keepInTouchByTag[tag]}
              onChange={(days) =>
                void run(() => {
                  const next = { ...settings.keepInTouchByTag };
                  if (days === undefined) delete next[tag];
                  else next[tag] = days;
                  return setTagIntervals(next);
                })
              }
            />
          ))}
        </div>
      )}
      <p aria-live="polite" className={status?.error ? 'error' : 'muted'} style={{ margin: 0, minHeight: '1.4em' }}>
        {status?.text ?? ''}
      </p>
    </section>
  );
}
