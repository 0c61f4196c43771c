/**
 * Settings › Sync as rendered: off by default with its form; asks for the one
 * server's origin in the submit's gesture; says which check failed; and, once
 * on, shows the last sync, pending changes and the last error.
 */
import { act, createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SyncSettings } from '../../../components/sync/SyncSettings';
import type { SyncStatus } from '../../../messages/sync';
import { reactHostForEachTest } from '../react-host';
import { until } from '../wait';

const screen = reactHostForEachTest();
const OFF: SyncStatus = { enabled: false, state: 'off', live: false, pending: 0 };

function type(label: string, value: string): void {
  const input = [...screen.host.querySelectorAll('label')].find((l) => l.textContent?.startsWith(label))?.querySelector('input');
  if (!input) throw new Error(`no field ${label}`);
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  setter.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

function answer(replies: Record<string, SyncStatus>) {
  const sent: { type: string }[] = [];
  const send = vi.fn(async (message: { type: string }) => {
    sent.push(message);
    return { ok: true, value: replies[message.type] ?? OFF };
  });
  Object.assign(fakeBrowser.runtime, { sendMessage: send });
  return sent;
}

describe('Settings › Sync', () => {
  it('is off by default and says why it failed, after asking for that one server only', async () => {
    const sent = answer({
      'sync-enable': { ...OFF, lastError: { failure: 'passphrase', detail: 'no', at: 1 } },
    });
    const request = vi.fn(async () => true);
    Object.assign(fakeBrowser.permissions, { request });
    await screen.render(createElement(SyncSettings));
    await until(() => expect(screen.host.querySelector('[data-testid="sync-form"]')).not.toBeNull());
    type('Server address', 'https://couch.example.org/');
    type('Passphrase', 'a long passphrase here');
    await act(async () => screen.host.querySelector('form')!.requestSubmit());
    await until(() => expect(screen.host.textContent).toContain('This passphrase does not open the data already in this database'));
    expect(request).toHaveBeenCalledWith({ origins: ['https://couch.example.org/*'] });
    expect(sent.find((m) => m.type === 'sync-enable')).toMatchObject({ setup: { server: 'https://couch.example.org', database: 'rapport' } });
  });

  it('refuses a plain-http remote address before asking for anything', async () => {
    answer({});
    const request = vi.fn(async () => true);
    Object.assign(fakeBrowser.permissions, { request });
    await screen.render(createElement(SyncSettings));
    await until(() => expect(screen.host.querySelector('form')).not.toBeNull());
    type('Server address', 'http://couch.example.org');
    type('Passphrase', 'a long passphrase here');
    await act(async () => screen.host.querySelector('form')!.requestSubmit());
    await until(() => expect(screen.host.textContent).toContain('starting with https://'));
    expect(request).not.toHaveBeenCalled();
  });

  it('when on, shows the last sync, the pending changes and the last error', async () => {
    answer({
      'sync-status': {
        enabled: true,
        server: 'https://couch.example.org',
        database: 'rapport',
        state: 'error',
        live: true,
        pending: 3,
        lastSyncedAt: Date.UTC(2026, 0, 5, 10),
        lastError: { failure: 'unreachable', detail: 'fetch failed', at: Date.UTC(2026, 0, 5, 11) },
      },
    });
    await screen.render(createElement(SyncSettings));
    await until(() => expect(screen.host.querySelector('[data-testid="sync-status"]')).not.toBeNull());
    expect(screen.host.querySelector('[data-testid="sync-pending"]')!.textContent).toBe('3 changes');
    expect(screen.host.querySelector('[data-testid="sync-error"]')!.textContent).toContain('Could not reach the server');
    expect(screen.host.querySelector('[data-testid="sync-last"]')!.textContent).not.toBe('Not yet');
    expect([...screen.host.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Sync now', 'Turn off sync']);
  });
});
