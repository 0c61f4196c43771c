// The side panel's React app, loaded by ./main.tsx once the first screen is painted (components/first-paint/).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { FirstScreen } from '../../contacts/first-screen';
import type { RawFirstPage } from '../../storage/first-page-read';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { SidePanelApp } from '../../components/sidepanel/SidePanelApp';
import { reloadOnSchemaChange } from '../../components/reload-on-schema-change';
import { requestPersistence } from '../../storage/persistence';
import { startFirstPage } from '../../components/sidepanel/first-page';

/**
 * Mounts the panel in `root`; React's first commit replaces the painted snapshot, drawing the same rows in place
 * (the live ones when `firstPage`, read by the entry while this loaded, is current).
 */
export async function start(root: HTMLElement, painted: Promise<FirstScreen | undefined>, firstPage?: Promise<RawFirstPage | undefined>): Promise<void> {
  reloadOnSchemaChange();
  void requestPersistence();
  const [screen, page] = await Promise.all([painted, firstPage]);
  startFirstPage(screen, page);
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary>
        <SidePanelApp />
      </ErrorBoundary>
    </StrictMode>,
  );
}
