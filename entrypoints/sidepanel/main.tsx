import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../components/theme.css';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { SidePanelApp } from '../../components/sidepanel/SidePanelApp';
import { reloadOnSchemaChange } from '../../components/reload-on-schema-change';
import { requestPersistence } from '../../storage/persistence';
import { startFirstPage } from '../../components/sidepanel/first-page';

reloadOnSchemaChange();
void requestPersistence();
startFirstPage();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <SidePanelApp />
    </ErrorBoundary>
  </StrictMode>,
);
