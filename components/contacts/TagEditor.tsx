import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { db } from '../../storage/db';
import { i18n } from '#i18n';

interface Props {
  tags: string[];
  onChange(tags: string[]): Promise<unknown>;
}

/** Tags as removable chips, and an input that suggests the tags already in use. */
export function TagEditor({ tags, onChange }: Props) {
  const [draft, setDraft] = useState('');
  const listId = useId();
  // Distinct tags straight from the multi-entry index, without loading contacts.
  const known = useLiveQuery(() => db.contacts.orderBy('tags').uniqueKeys(), []) as string[] | undefined;

  const add = () => {
    const tag = draft.trim();
    setDraft('');
    if (tag && !tags.includes(tag)) void onChange([...tags, tag]);
  };

  return (
    <div className="stack" style={{ gap: 4 }}>
      <ul className="chips" aria-label={i18n.t('contacts.tags')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {tags.map((tag) => (
          <li key={tag} className="chip">
            {tag}
            <button type="button" aria-label={i18n.t('contacts.removeTag', { tag })} onClick={() => void onChange(tags.filter((t) => t !== tag))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <input list={listId} aria-label={i18n.t('contacts.addATag')} placeholder={i18n.t('contacts.addATag')} value={draft} onChange={(e) => setDraft(e.target.value)} />
        <datalist id={listId}>
          {(known ?? []).filter((t) => !tags.includes(t)).map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
        <button type="submit" disabled={!draft.trim()}>{i18n.t('contacts.addTag')}</button>
      </form>
    </div>
  );
}
