import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { uiLanguage } from '../../components/format';
import '../../components/theme.css';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { SidePanelApp } from '../../components/sidepanel/SidePanelApp';
import { reloadOnSchemaChange } from '../../components/reload-on-schema-change';
import { requestPersistence } from '../../storage/persistence';
import { startFirstPage } from '../../components/sidepanel/first-page';

reloadOnSchemaChange();
void requestPersistence();
startFirstPage();

// Screen readers pronounce the page in the language its text is in.
document.documentElement.lang = uiLanguage();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <SidePanelApp />
    </ErrorBoundary>
  </StrictMode>,
);
