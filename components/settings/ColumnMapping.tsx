import { IMPORT_TARGETS, type ColumnMapping as Mapping, type ImportTarget } from '../../portability/csv-columns';
import { i18n } from '../../model/i18n';
import { importTargetLabel } from '../labels';

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
      <p className="muted data-note">{i18n.t('settings.rapportGuessedWhatEach')}</p>
      <div className="data-table-wrap">
        <table className="data-table" data-testid="column-mapping">
          <caption className="visually-hidden">{i18n.t('settings.columnsOfTheFile', { length: rows.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{i18n.t('settings.column')}</th>
              <th scope="col">{i18n.t('settings.importsAs')}</th>
              {rows.map((_, i) => (
                <th scope="col" key={i}>{i18n.t('settings.rowN', { n: i + 1 })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {columns.map((header, column) => (
              <tr key={column}>
                <th scope="row">{header || i18n.t('settings.column2', { n: column + 1 })}</th>
                <td>
                  <select
                    aria-label={i18n.t('settings.fieldForColumn', { column: header || column + 1 })}
                    value={mapping[column] ?? ''}
                    onChange={(e) => {
                      const next = [...mapping];
                      next[column] = (e.target.value || undefined) as ImportTarget | undefined;
                      onChange(next);
                    }}
                  >
                    <option value="">{i18n.t('settings.ignore')}</option>
                    {IMPORT_TARGETS.map((target) => (
                      <option key={target} value={target}>
                        {importTargetLabel(target)}
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
