import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../components/theme.css';
import { PopupApp } from '../../components/popup/PopupApp';
import { reloadOnSchemaChange } from '../../components/reload-on-schema-change';

reloadOnSchemaChange();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PopupApp />
  </StrictMode>,
);
