import { useState } from 'react';
import { browser } from 'wxt/browser';
import { backupFileName } from '../../portability/backup-format';
import { exportBackup } from '../../storage/backup-export';
import { serializeBackup } from '../../portability/backup-format';
import { contactsToCsv, csvFileName } from '../../portability/csv-export';
import { lettersCsvFileName, lettersToCsv } from '../../portability/letters-csv';
import { contactsByIds } from '../../storage/contact-list';
import { listLetters } from '../../storage/letters';
import { formatBytes } from '../../portability/limits';
import { listContacts } from '../../storage/contacts';
import { useDownload } from './use-download';
import { i18n } from '../../model/i18n';

type Job = 'backup' | 'csv' | 'letters';

function appVersion(): string | undefined {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return undefined;
  }
}

/** Exports as files made in the page and downloaded through a link: nothing goes over the network. */
export function ExportPanel() {
  const [job, setJob] = useState<Job>();
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const [error, setError] = useState<string>();
  const { file, link, offer } = useDownload();

  const run = async (kind: Job) => {
    setJob(kind);
    setError(undefined);
    setProgress(undefined);
    try {
      if (kind === 'backup') {
        const backup = await exportBackup({ appVersion: appVersion(), onProgress: (done, total) => setProgress({ done, total }) });
        offer(new Blob([serializeBackup(backup)], { type: 'application/json' }), backupFileName());
      } else if (kind === 'letters') {
        const letters = await listLetters();
        const writers = await contactsByIds([...new Set(letters.map((l) => l.writerId))]);
        offer(new Blob([lettersToCsv(letters, new Map(writers.map((c) => [c.id, c])))], { type: 'text/csv;charset=utf-8' }), lettersCsvFileName());
      } else {
        const contacts = await listContacts();
        offer(new Blob([contactsToCsv(contacts)], { type: 'text/csv;charset=utf-8' }), csvFileName());
      }
    } catch (e) {
      setError(i18n.t('settings.exportFailed', { error: (e as Error).message }));
    } finally {
      setJob(undefined);
    }
  };

  return (
    <div className="stack">
      <h3>{i18n.t('settings.export')}</h3>
      <p className="muted data-note">{i18n.t('settings.aBackupHoldsEverything')}</p>
      <div className="row">
        <button type="button" className="primary" disabled={job !== undefined} onClick={() => void run('backup')}>
          {job === 'backup' ? i18n.t('settings.preparingBackup') : i18n.t('settings.exportBackupJson')}
        </button>
        <button type="button" disabled={job !== undefined} onClick={() => void run('csv')}>
          {job === 'csv' ? i18n.t('settings.preparingCsv') : i18n.t('settings.exportContactsCsv')}
        </button>
        <button type="button" disabled={job !== undefined} onClick={() => void run('letters')}>
          {job === 'letters' ? i18n.t('letters.export.preparing') : i18n.t('letters.export.button')}
        </button>
      </div>
      {job && (
        <progress
          aria-label={job === 'backup' ? i18n.t('settings.backupProgress') : i18n.t('settings.csvExportProgress')}
          max={progress?.total}
          value={progress?.done}
        />
      )}
      {file && (
        <p className="ok data-note" role="status">{i18n.t('settings.ready')}{' '}
          <a ref={link} href={file.url} download={file.name}>
            {file.name}
          </a>{' '}
          {i18n.t('settings.ifTheDownloadDid', { size: formatBytes(file.size) })}</p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
