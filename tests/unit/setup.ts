// Unit tests run against an in-memory IndexedDB and a reset fake browser.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db } from '../../storage/db';
import { useLocale } from './locale-messages';

beforeEach(async () => {
  fakeBrowser.reset();
  await useLocale('en');
});

afterEach(async () => {
  // Start every test from an empty database, keeping the connection open.
  if (db.isOpen()) await Promise.all(db.tables.map((table) => table.clear()));
});
