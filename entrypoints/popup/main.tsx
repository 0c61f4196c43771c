import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../components/theme.css';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { PopupApp } from '../../components/popup/PopupApp';
import { reloadOnSchemaChange } from '../../components/reload-on-schema-change';
import { requestPersistence } from '../../storage/persistence';

reloadOnSchemaChange();
void requestPersistence();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <PopupApp />
    </ErrorBoundary>
  </StrictMode>,
);
