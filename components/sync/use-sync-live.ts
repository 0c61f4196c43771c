/**
 * Holds the `sync-live` port while a Rapport page is open, so that the
 * background replicates continuously (background/sync.ts) and a Chrome service
 * worker stays awake meanwhile. A port costs nothing when sync is off: the
 * background only starts replication when sync is on. Reconnects when the worker restarts.
 */
import { useEffect } from 'react';
import { browser } from 'wxt/browser';
import { SYNC_LIVE_PORT } from '../../messages/sync';

/** Chrome stops an idle worker after 30 s; a ping every 20 s keeps it while the page is open. */
const PING_MS = 20_000;

export function useSyncLive(): void {
  useEffect(() => {
    let port: ReturnType<typeof browser.runtime.connect> | undefined;
    let closed = false;
    const connect = () => {
      try {
        port = browser.runtime.connect({ name: SYNC_LIVE_PORT });
      } catch {
        return;
      }
      port.onDisconnect.addListener(() => {
        port = undefined;
        if (!closed) setTimeout(connect, 1_000);
      });
    };
    connect();
    const ping = setInterval(() => port?.postMessage('ping'), PING_MS);
    return () => {
      closed = true;
      clearInterval(ping);
      port?.disconnect();
    };
  }, []);
}
