/**
 * The import wizard as rendered (happy-dom), with its import worker replaced
 * by a session in this process: contact files and backups go to the worker, the page
 * shows its progress and report, and the worker is stopped when the file is
 * done with or the wizard goes away (RELIABILITY L3).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ImportWizard } from '../../../components/settings/ImportWizard';
import type { WorkerLike } from '../../../import-worker/import-client';
import { createImportSession } from '../../../import-worker/import-session';
import { db } from '../../../storage/db';
import { fullContact } from './seed';
import { eventually } from '../wait';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Every worker the wizard started, and whether it was stopped. */
const workers: { requests: string[]; terminated: boolean }[] = [];
/** The workers' answers not yet delivered to the page; `until` delivers them, inside act() as React's tests want. */
const inbox: (() => void)[] = [];

vi.mock('../../../import-worker/import-client', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../import-worker/import-client')>();
  return {
    ...actual,
    createImportClient: () => {
      const record = { requests: [] as string[], terminated: false };
      workers.push(record);
      const listeners: ((event: Event) => void)[] = [];
      const session = createImportSession((event) =>
        inbox.push(() => {
          if (!record.terminated) for (const listener of listeners) listener(new MessageEvent('message', { data: structuredClone(event) }));
        }),
      );
      const worker: WorkerLike = {
        postMessage(message) {
          record.requests.push((message as { type: string }).type);
          void session.receive(message);
        },
        terminate: () => {
          record.terminated = true;
        },
        addEventListener: (type, listener) => {
          if (type === 'message') listeners.push(listener);
        },
      };
      return actual.createImportClient(worker);
    },
  };
});

const connections = readFileSync(resolve(import.meta.dirname, '../../fixtures/imports/Connections.csv'), 'utf8');
const contactsCsv = 'Full name,Email,Organization\nAna Souza,ana@example.org,Hospital X\nWen Li,wen@example.org,Hospital Y\n';

let root: Root;
let host: HTMLElement;

beforeEach(() => {
  workers.length = 0;
  inbox.length = 0;
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});
afterEach(async () => {
  await act(async () => root.unmount());
  host.remove();
});

async function until(check: () => void): Promise<void> {
  await eventually(async () => {
    await act(async () => {
      // Each answer as a task of its own, as a worker's arrive.
      for (let deliver = inbox.shift(); deliver; deliver = inbox.shift()) {
        deliver();
        await new Promise((resolve) => setTimeout(resolve));
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    });
    check();
  });
}

async function choose(text: string, name: string): Promise<void> {
  const input = host.querySelector<HTMLInputElement>('input[type="file"]')!;
  Object.defineProperty(input, 'files', { value: [new File([text], name, { type: 'text/csv' })], configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

async function click(name: string): Promise<void> {
  const button = [...host.querySelectorAll('button')].find((b) => b.textContent === name);
  if (!button) throw new Error(`no button “${name}” in: ${host.textContent}`);
  await act(async () => button.click());
}

describe('ImportWizard', () => {
  it('imports a Connections.csv through the worker, tells the background, and stops the worker', async () => {
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true, value: { badge: 0 } });
    await act(async () => root.render(createElement(ImportWizard)));
    await choose(connections, 'Connections.csv');
    await until(() => expect(host.textContent).toContain('Would add 5 contacts, update 0 and skip 1. Nothing has been written yet.'));
    expect(host.querySelector('[data-testid="import-report"]')?.textContent).toContain('Row 1: Priya Raman');
    expect(await db.contacts.count()).toBe(0);

    await click('Confirm import');
    await until(() => expect(host.querySelector('[data-testid="import-done"]')?.textContent).toBe('Added 5 contacts, updated 0 and skipped 1.'));
    expect(await db.contacts.count()).toBe(5);
    expect(sent).toHaveBeenCalledWith({ type: 'data-changed' });
    expect(workers).toEqual([{ requests: ['read', 'write'], terminated: true }]);
  });

  it('restores a backup through the worker, planning again when the mode is switched, and tells the background', async () => {
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true, value: { badge: 0 } });
    await db.contacts.put(fullContact({ id: 'saved', identities: ['linkedin:saved'], profiles: {} }));
    const backup = JSON.stringify({
      format: 'rapport-backup',
      version: 1,
      exportedAt: '2025-09-30T00:00:00.000Z',
      contacts: [fullContact({ id: 'b-1', fullName: 'Ana Souza', identities: ['linkedin:ana'], profiles: {} })],
      interactions: [],
      templates: [],
      settings: {},
      trash: [],
    });
    await act(async () => root.render(createElement(ImportWizard)));
    await choose(backup, 'rapport-backup.json');
    await until(() => expect(host.textContent).toContain('Would add 1 contact, update 0, skip 0; 0 interactions and 0 templates to add. Nothing has been written yet.'));
    expect(host.querySelector('[data-testid="import-report"]')?.textContent).toContain('Ana Souza');

    const replace = host.querySelector<HTMLInputElement>('input[name="restore-mode"][value="replace"]')!;
    await act(async () => replace.click());
    await until(() =>
      expect(host.textContent).toContain('Would restore 1 contact, 0 interactions, 0 templates, 0 deleted contacts and the settings, replacing 1 current contact.'),
    );
    expect(host.querySelector('[data-testid="import-report"]')?.textContent).toContain('Replacing erases what is here now: 1 contacts');
    const understood = host.querySelector<HTMLInputElement>('[data-testid="import-report"] input[type="checkbox"]')!;
    await act(async () => understood.click());
    await click('Replace my data');
    await until(() =>
      expect(host.querySelector('[data-testid="import-done"]')?.textContent).toBe('Restored 1 contact, 0 interactions, 0 templates, 0 deleted contacts and the settings.'),
    );
    expect((await db.contacts.toArray()).map((c) => c.id)).toEqual(['b-1']);
    expect(sent).toHaveBeenCalledWith({ type: 'data-changed' });
    expect(workers).toEqual([{ requests: ['read', 'plan-restore', 'restore'], terminated: true }]);
  });

  it('shows a backup’s problems from the worker, and restores nothing', async () => {
    await act(async () => root.render(createElement(ImportWizard)));
    await choose('{"format": "rapport-backup", "version": 9}', 'rapport-backup.json');
    await until(() => expect(host.querySelector('[data-testid="import-failed"]')?.textContent).toContain('made by a newer version of Rapport'));
    expect(workers).toEqual([{ requests: ['read'], terminated: true }]);
    expect(await db.contacts.count()).toBe(0);
  });

  it('maps the columns of a CSV from the sample the worker sends, and goes back to them', async () => {
    await act(async () => root.render(createElement(ImportWizard)));
    await choose(contactsCsv, 'contacts.csv');
    await until(() => expect(host.textContent).toContain('contacts.csv: CSV of contacts, 2 rows'));
    const table = host.querySelector('[data-testid="column-mapping"]')!;
    expect([...table.querySelectorAll('tbody th')].map((th) => th.textContent)).toEqual(['Full name', 'Email', 'Organization']);
    expect(table.textContent).toContain('Wen Li');

    await click('Check import');
    await until(() => expect(host.textContent).toContain('Would add 2 contacts, update 0 and skip 0.'));
    await click('Back to columns');
    await until(() => expect(host.querySelector('[data-testid="column-mapping"]')).not.toBeNull());
    await click('Check import');
    await until(() => expect(host.textContent).toContain('Would add 2 contacts'));
    await click('Cancel');
    expect(workers).toEqual([{ requests: ['read', 'check', 'check'], terminated: true }]);
    expect(await db.contacts.count()).toBe(0);
  });

  it('stops the worker when the wizard goes away in the middle of a file, and when another file is chosen', async () => {
    await act(async () => root.render(createElement(ImportWizard)));
    await choose(contactsCsv, 'contacts.csv');
    await until(() => expect(host.textContent).toContain('CSV of contacts'));
    await choose(connections, 'Connections.csv');
    expect(workers.map((w) => w.terminated)).toEqual([true, false]);
    await act(async () => root.unmount());
    expect(workers.map((w) => w.terminated)).toEqual([true, true]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await db.contacts.count()).toBe(0);
    root = createRoot(host);
  });

  it('shows a broken file’s failure and stops its worker', async () => {
    await act(async () => root.render(createElement(ImportWizard)));
    await choose('Name,Notes\nA,"never closed\n', 'broken.csv');
    await until(() => expect(host.querySelector('[data-testid="import-failed"]')?.textContent).toContain('Nothing was imported: the file is not valid CSV'));
    expect(workers).toEqual([{ requests: ['read'], terminated: true }]);
  });
});
