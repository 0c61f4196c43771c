import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { sendToBackground, type TabStatus } from '../../messages';
import type { TargetTab } from '../use-target-tab';

/**
 * What the tab beside the panel shows: a profile link and, when saved, the
 * contact. Re-asked when the tab navigates, including LinkedIn's in-page moves.
 */
export function useTabProfile(tab: TargetTab | null | undefined, version: unknown): TabStatus | undefined {
  const [status, setStatus] = useState<TabStatus>();
  const [url, setUrl] = useState<string>();

  useEffect(() => {
    if (!tab) return;
    const onUpdated = (tabId: number, change: { url?: string }) => {
      if (tabId === tab.id && change.url) setUrl(change.url);
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => browser.tabs.onUpdated.removeListener(onUpdated);
  }, [tab?.id]);

  useEffect(() => {
    if (!tab) return;
    let live = true;
    sendToBackground({ type: 'tab-status', tabId: tab.id }).then(
      (next) => live && setStatus(next),
      () => live && setStatus(undefined),
    );
    return () => {
      live = false;
    };
  }, [tab?.id, url, version]);

  return status;
}
