import { useLiveQuery } from 'dexie-react-hooks';
import { useId } from 'react';
import { distinctValues } from '../../storage/contact-list';
import { useAutosave } from '../use-autosave';
import { SaveState } from '../SaveState';
import { i18n } from '../../model/i18n';

interface Props {
  tags: string[];
  /** Names the tag being typed for the close-time journal (components/use-autosave.ts). */
  journal?: string;
  /** Changes the stored tags; `update` runs on the stored list, so that tags added elsewhere are kept. */
  onChange(update: (tags: string[]) => string[]): Promise<unknown>;
}

/**
 * Tags as removable chips, and an input that suggests the tags already in use. A tag typed and not yet added is
 * added when the field is left or the panel closes (components/use-autosave.ts), never while still being typed.
 */
export function TagEditor({ tags, onChange, journal }: Props) {
  const listId = useId();
  // Distinct tags straight from the multi-entry index, without loading contacts (the same list as the bulk bar's).
  const known = useLiveQuery(() => distinctValues('tags'), []);
  const pending = useAutosave({
    value: '',
    journal,
    delay: null,
    equals: (a, b) => a.trim() === b.trim(),
    save: async (draft) => {
      const tag = draft.trim();
      pending.edit('');
      if (tag) await onChange((stored) => (stored.includes(tag) ? stored : [...stored, tag]));
    },
  });

  return (
    <div className="stack" style={{ gap: 4 }}>
      <ul className="chips" aria-label={i18n.t('contacts.tags')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {tags.map((tag) => (
          <li key={tag} className="chip">
            {tag}
            <button
              type="button"
              aria-label={i18n.t('contacts.removeTag', { tag })}
              onClick={() => void onChange((stored) => stored.filter((t) => t !== tag))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          pending.flush();
        }}
      >
        <input
          list={listId}
          aria-label={i18n.t('contacts.addATag')}
          placeholder={i18n.t('contacts.addATag')}
          value={pending.draft}
          onChange={(e) => pending.edit(e.target.value)}
          onBlur={pending.flush}
        />
        <datalist id={listId}>
          {(known ?? []).filter((t) => !tags.includes(t)).map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
        <button type="submit" disabled={!pending.draft.trim()}>
          {i18n.t('contacts.addTag')}
        </button>
      </form>
      <SaveState autosave={pending} />
    </div>
  );
}
