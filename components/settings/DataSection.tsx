import { ExportPanel } from './ExportPanel';
import { ImportWizard } from './ImportWizard';
import './data.css';

/** Taking data out and bringing it in: backups, CSV, LinkedIn's Connections export. */
export function DataSection() {
  return (
    <section className="stack" aria-labelledby="data-heading" data-testid="data-section">
      <h2 id="data-heading">Your data</h2>
      <p className="muted data-note">Everything stays in this browser. Export a backup now and then, and before reinstalling.</p>
      <ExportPanel />
      <ImportWizard />
    </section>
  );
}
