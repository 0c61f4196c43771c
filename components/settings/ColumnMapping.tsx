import { IMPORT_TARGETS, TARGET_LABELS, type ColumnMapping as Mapping, type ImportTarget } from '../../portability/csv-columns';
import { previewRows } from '../../portability/csv-import';
import type { CsvTable } from '../../portability/csv-read';

interface Props {
  table: CsvTable;
  mapping: Mapping;
  onChange(mapping: Mapping): void;
}

/** Which field each column fills, guessed from the header, with the first rows shown as they will be read. */
export function ColumnMapping({ table, mapping, onChange }: Props) {
  const rows = previewRows(table, 5);
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
            {table.header.map((header, column) => (
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
