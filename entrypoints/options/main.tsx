// The options page (options_ui): what chrome://extensions' "Extension options" and about:addons' "Options" open.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../components/theme.css';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { OptionsApp } from '../../components/settings/OptionsApp';
import { reloadOnSchemaChange } from '../../components/reload-on-schema-change';

reloadOnSchemaChange();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <OptionsApp />
    </ErrorBoundary>
  </StrictMode>,
);
