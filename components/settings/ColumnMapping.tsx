import { IMPORT_TARGETS, TARGET_LABELS, type ColumnMapping as Mapping, type ImportTarget } from '../../portability/csv-columns';

interface Props {
  header: readonly string[];
  /** The first rows of the file, one cell per column (previewRows). */
  sample: readonly (readonly string[])[];
  mapping: Mapping;
  onChange(mapping: Mapping): void;
}

/** Which field each column fills, guessed from the header, with the first rows shown as they will be read. */
export function ColumnMapping({ header: columns, sample: rows, mapping, onChange }: Props) {
  return (
    <div className="stack">
      <p className="muted data-note">
        Rapport guessed what each column holds from its header. Check each one; columns set to “Ignore” are not imported.
      </p>
      <div className="data-table-wrap">
        <table className="data-table" data-testid="column-mapping">
          <caption className="visually-hidden">Columns of the file and the first {rows.length} rows</caption>
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">Imports as</th>
              {rows.map((_, i) => (
                <th scope="col" key={i}>
                  Row {i + 1}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {columns.map((header, column) => (
              <tr key={column}>
                <th scope="row">{header || `Column ${column + 1}`}</th>
                <td>
                  <select
                    aria-label={`Field for column “${header || column + 1}”`}
                    value={mapping[column] ?? ''}
                    onChange={(e) => {
                      const next = [...mapping];
                      next[column] = (e.target.value || undefined) as ImportTarget | undefined;
                      onChange(next);
                    }}
                  >
                    <option value="">Ignore</option>
                    {IMPORT_TARGETS.map((target) => (
                      <option key={target} value={target}>
                        {TARGET_LABELS[target]}
                      </option>
                    ))}
                  </select>
                </td>
                {rows.map((row, i) => (
                  <td key={i} className={mapping[column] ? undefined : 'muted'}>
                    {row[column] ?? ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
