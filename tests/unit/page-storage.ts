/**
 * A page's localStorage for test files that run in Node (`// @vitest-environment node`) yet write to the database:
 * the database's writes keep the first-screen snapshots through localStorage where a page has one
 * (storage/first-screen.ts), and these files test the page's path, as they did under happy-dom, whose
 * localStorage is the same in-memory store. Imported for its effect, first thing in such a file; one per file.
 */
import { vi } from 'vitest';

class MemoryStorage implements Storage {
  readonly #items = new Map<string, string>();
  get length(): number {
    return this.#items.size;
  }
  key(index: number): string | null {
    return [...this.#items.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.#items.get(String(key)) ?? null;
  }
  setItem(key: string, value: string): void {
    this.#items.set(String(key), String(value));
  }
  removeItem(key: string): void {
    this.#items.delete(String(key));
  }
  clear(): void {
    this.#items.clear();
  }
}

if (typeof document !== 'undefined') throw new Error('page-storage.ts is for files in the node environment: happy-dom has its own localStorage.');
vi.stubGlobal('localStorage', new MemoryStorage());
