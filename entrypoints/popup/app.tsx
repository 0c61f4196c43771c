// The popup's React app, loaded by ./main.tsx beside the first paint of its snapshot (components/first-paint/).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { takeOverPopup, type PopupScreen } from '../../components/first-paint/paint-popup';
import { PopupApp } from '../../components/popup/PopupApp';
import { reloadOnSchemaChange } from '../../components/reload-on-schema-change';
import { requestPersistence } from '../../storage/persistence';

/** The longest the painted snapshot stands in for a live view that has not answered (a database slow to open). */
const TAKEOVER_LIMIT_MS = 1_500;

/**
 * Mounts the popup in `root`. With a painted snapshot, `root` stays hidden until the live view has drawn everything
 * the snapshot shows, and the two swap in that commit, before the browser paints: no "Loading follow-ups…" between.
 */
export async function start(root: HTMLElement, painted: Promise<PopupScreen | undefined>): Promise<void> {
  reloadOnSchemaChange();
  void requestPersistence();
  const screen = await painted;
  const takeOver = () => takeOverPopup(root);
  // A live view that cannot answer (an error it shows, a blocked database) is still shown, not hidden behind the copy.
  if (screen) setTimeout(takeOver, TAKEOVER_LIMIT_MS);
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary>
        <PopupApp onLive={screen ? takeOver : undefined} />
      </ErrorBoundary>
    </StrictMode>,
  );
}
