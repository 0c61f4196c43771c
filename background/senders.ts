/**
 * Who sent a message. A compromised page renderer can forge messages that look
 * like our content script's, so privileged requests are accepted only from the
 * extension's own pages: same extension id, the extension's exact origin, top frame.
 */
import type { Browser } from 'wxt/browser';

export type SenderKind = 'extension-page' | 'content-script' | 'foreign';

type Sender = Browser.runtime.MessageSender;

/** Scheme and host. `URL.origin` is "null" for non-web schemes such as chrome-extension: and file:, so it cannot tell them apart. */
function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const { protocol, host } = new URL(url);
    return host ? `${protocol}//${host}` : null;
  } catch {
    return null;
  }
}

export function classifySender(sender: Sender, extensionId: string, extensionUrl: string): SenderKind {
  if (sender.id !== extensionId) return 'foreign';
  const origin = originOf(sender.url);
  const ownOrigin = originOf(extensionUrl);
  if (origin && ownOrigin && origin === ownOrigin) {
    return sender.frameId === undefined || sender.frameId === 0 ? 'extension-page' : 'foreign';
  }
  if (sender.tab && (origin?.startsWith('https://') || origin?.startsWith('http://'))) return 'content-script';
  return 'foreign';
}
