// Unit tests run against an in-memory IndexedDB and a reset fake browser.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useLocale } from './locale-messages';

// This file runs before WXT's own setup stubs the globals, and storage/db.ts reaches `#i18n`, whose browser
// is read from the globals once, on import: so the fake browser is the global before the database is imported.
vi.stubGlobal('chrome', fakeBrowser);
vi.stubGlobal('browser', fakeBrowser);
const { db } = await import('../../storage/db');

// WXT's fake browser has no runtime.onConnect; the background entry listens on it for sync's live port.
function fakeEvent() {
  const listeners = new Set<(...args: unknown[]) => unknown>();
  return {
    addListener: (listener: (...args: unknown[]) => unknown) => void listeners.add(listener),
    removeListener: (listener: (...args: unknown[]) => unknown) => void listeners.delete(listener),
    hasListener: (listener: (...args: unknown[]) => unknown) => listeners.has(listener),
  };
}

beforeEach(async () => {
  fakeBrowser.reset();
  (fakeBrowser.runtime as unknown as { onConnect: unknown }).onConnect = fakeEvent();
  await useLocale('en');
});

afterEach(async () => {
  // Start every test from an empty database, keeping the connection open.
  if (db.isOpen()) await Promise.all(db.tables.map((table) => table.clear()));
});
