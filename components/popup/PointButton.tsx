import { i18n } from '../../model/i18n';
import { useState } from 'react';
import { sendToBackground } from '../../messages';

/**
 * "Point at the person": offered where reading the page found no person or
 * the wrong people. Starts the in-page pointer (background/pointer.ts) and
 * closes the popup so that the user can point; says why when it cannot start
 * (LinkedIn and Doximity pages are never changed).
 */
export function PointButton({ tabId, primary = false }: { tabId: number | undefined; primary?: boolean }) {
  const [message, setMessage] = useState<string>();
  if (tabId === undefined) return null;
  const start = async () => {
    try {
      const outcome = await sendToBackground({ type: 'point-tab', tabId });
      if (outcome.started) {
        setMessage(i18n.t('capture.pointStarted'));
        window.close();
      } else setMessage(outcome.reason);
    } catch (error) {
      setMessage((error as Error).message);
    }
  };
  return (
    <div className="stack" style={{ gap: 4 }}>
      <div>
        <button type="button" className={primary ? 'primary' : undefined} data-testid="point-start" onClick={() => void start()}>
          {i18n.t('capture.pointStart')}
        </button>
      </div>
      {message && (
        <p className="muted" role="status" style={{ margin: 0 }}>
          {message}
        </p>
      )}
    </div>
  );
}
