import { useState } from 'react';
import { browser } from 'wxt/browser';
import { siteLabels } from '../../platform/host-access';
import type { SaveOutcome } from '../../messages';
import { i18n } from '../../model/i18n';

export type NeedsAccess = Extract<SaveOutcome, { kind: 'needs-access' }>;

/**
 * Shown when the user took back Rapport's access to a site (RELIABILITY S8):
 * says so and asks again, instead of failing silently. Used by the popup and
 * by the side panel's Save.
 */
export function GrantAccess({ outcome, onGranted }: { outcome: NeedsAccess; onGranted: () => void }) {
  const [refused, setRefused] = useState(false);
  const sites = siteLabels(outcome.origins);

  const grant = () => {
    setRefused(false);
    // Called straight from the click: Firefox and Chrome only ask the user within the gesture.
    browser.permissions.request({ origins: outcome.origins }).then(
      (granted) => (granted ? onGranted() : setRefused(true)),
      () => setRefused(true),
    );
  };

  return (
    <div className="card stack" data-testid="needs-access">
      <p style={{ margin: 0 }}>{outcome.reason}</p>
      <button type="button" className="primary" onClick={grant}>
        {i18n.t('popup.grantAccessTo', { sites })}</button>
      {refused && (
        <p className="error" role="alert" style={{ margin: 0 }}>{i18n.t('popup.accessWasNotGranted')}</p>
      )}
    </div>
  );
}
