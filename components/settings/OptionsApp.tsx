/**
 * The options page: the side panel's Settings on a page of its own, so that
 * the browser's extension manager (chrome://extensions, about:addons) offers
 * them too. Same component, same storage: a change here shows in an open side
 * panel through its live queries.
 */
import { useEffect } from 'react';
import { i18n } from '../../model/i18n';
import { SettingsView } from './SettingsView';
import '../sidepanel/sidepanel.css';
import './options.css';

export function OptionsApp() {
  const title = i18n.t('options.title');
  useEffect(() => {
    document.title = title;
  }, [title]);
  return (
    <div className="options-page" data-testid="options-page">
      <header>
        <h1>{title}</h1>
        <p className="muted">{i18n.t('options.intro')}</p>
      </header>
      <main>
        <SettingsView />
      </main>
    </div>
  );
}
