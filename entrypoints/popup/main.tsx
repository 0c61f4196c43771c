import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../components/theme.css';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { PopupApp } from '../../components/popup/PopupApp';
import { reloadOnSchemaChange } from '../../components/reload-on-schema-change';
import { UndoProvider } from '../../components/undo';

reloadOnSchemaChange();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <UndoProvider>
        <PopupApp />
      </UndoProvider>
    </ErrorBoundary>
  </StrictMode>,
);
