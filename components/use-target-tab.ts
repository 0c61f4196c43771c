import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

export interface TargetTab {
  id: number;
  windowId?: number;
}

/**
 * The tab a popup or side panel acts on: `?tab=<id>` when given (power users,
 * end-to-end tests), otherwise the active tab of the current window, followed
 * as the user switches tabs.
 */
export function useTargetTab(): TargetTab | null | undefined {
  const [tab, setTab] = useState<TargetTab | null | undefined>(undefined);
  useEffect(() => {
    const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
    if (Number.isInteger(fromQuery) && fromQuery > 0) {
      browser.tabs.get(fromQuery).then(
        (t) => setTab({ id: fromQuery, windowId: t.windowId }),
        () => setTab(null),
      );
      return;
    }
    const refresh = () =>
      browser.tabs
        .query({ active: true, currentWindow: true })
        .then(([t]) => setTab(t?.id !== undefined ? { id: t.id, windowId: t.windowId } : null));
    void refresh();
    const onActivated = () => void refresh();
    browser.tabs.onActivated.addListener(onActivated);
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, []);
  return tab;
}
