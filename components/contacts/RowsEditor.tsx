import { useEffect, useState } from 'react';
import { i18n } from '../../model/i18n';

export interface Column<Row> {
  key: keyof Row & string;
  label: string;
  type?: 'text' | 'number';
}

interface Props<Row> {
  title: string;
  rows: Row[];
  columns: Column<Row>[];
  /** Builds a row from the edited cells; throws or returns an error string when a row is invalid. */
  onSave(rows: Row[]): Promise<unknown>;
  empty: Row;
}

/** Edits a small list of records (education, experience): one line per record, saved when a cell is left. */
export function RowsEditor<Row extends Record<string, unknown>>({ title, rows, columns, onSave, empty }: Props<Row>) {
  const [draft, setDraft] = useState(rows);
  const [error, setError] = useState<string>();
  useEffect(() => setDraft(rows), [rows]);

  const save = async (next: Row[]) => {
    setError(undefined);
    try {
      await onSave(next);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const set = (index: number, key: keyof Row, raw: string, type?: 'text' | 'number') => {
    const value = raw.trim() === '' ? undefined : type === 'number' ? Number(raw) : raw;
    setDraft(draft.map((row, i) => (i === index ? { ...row, [key]: value } : row)));
  };

  return (
    <fieldset className="stack" style={{ border: 'none', padding: 0, margin: 0, gap: 6 }}>
      <legend className="muted" style={{ fontSize: 12, padding: 0 }}>
        {title}
      </legend>
      {draft.map((row, index) => (
        <div key={index} className="row" style={{ alignItems: 'flex-end' }} onBlur={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) void save(draft);
        }}>
          {columns.map((column) => (
            <label key={column.key} style={{ flex: column.type === 'number' ? '0 0 64px' : 1 }}>
              {column.label}
              <input
                type={column.type === 'number' ? 'number' : 'text'}
                value={row[column.key] === undefined ? '' : String(row[column.key])}
                onChange={(e) => set(index, column.key, e.target.value, column.type)}
              />
            </label>
          ))}
          <button type="button" aria-label={i18n.t('contacts.remove', { title: title.toLowerCase(), n: index + 1 })} onClick={() => void save(draft.filter((_, i) => i !== index))}>
            ×
          </button>
        </div>
      ))}
      <div>
        <button type="button" className="link" onClick={() => setDraft([...draft, empty])}>
          {i18n.t('contacts.add2', { title: title.toLowerCase() })}</button>
      </div>
      {error && (
        <p className="field-error" role="alert" style={{ margin: 0 }}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
