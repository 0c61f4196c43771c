import { ExportPanel } from './ExportPanel';
import { ImportWizard } from './ImportWizard';
import './data.css';
import { i18n } from '../../model/i18n';

/** Taking data out and bringing it in: backups, CSV, LinkedIn's Connections export. */
export function DataSection() {
  return (
    <section className="stack" aria-labelledby="data-heading" data-testid="data-section">
      <h2 id="data-heading">{i18n.t('settings.yourData')}</h2>
      <p className="muted data-note">{i18n.t('settings.everythingStaysInThis')}</p>
      <ExportPanel />
      <ImportWizard />
    </section>
  );
}
