// @vitest-environment node (no DOM reached: see vitest.config.ts)
/**
 * The house plan kept by a test, not by memory (README's "Architecture"): imports point down the floors, the model
 * imports nothing of the product, the interface never imports the background, no script a page loads brings zod,
 * React or Dexie, and no import cycle anywhere. Each rule is also shown to catch a breach, on a graph made for it.
 */
import { describe, expect, it } from 'vitest';
import { importGraph, importsOf, type Imports } from './import-graph';
import {
  CONTENT_ENTRIES,
  importCycles,
  interfaceImportsBackground,
  modelImports,
  pageScriptPackages,
  upwardImports,
} from './house-rules';

const graph = importGraph();

/** A graph from `file: [imports]`, each import a file of the repository, or a package when prefixed with `pkg:`. */
function made(edges: Record<string, string[]>): Map<string, Imports> {
  return new Map(
    Object.entries(edges).map(([file, targets]) => {
      const files = targets.filter((t) => !t.startsWith('pkg:'));
      const packages = targets.filter((t) => t.startsWith('pkg:')).map((t) => t.slice(4));
      return [file, { files, packages, runtimeFiles: files, runtimePackages: packages }];
    }),
  );
}

describe('the import graph', () => {
  it('is read from the real files, with relative paths, aliases and type-only imports resolved', () => {
    expect(graph.size).toBeGreaterThan(200);
    const background = importsOf('entrypoints/background.ts');
    expect(background.files.every((f) => graph.has(f))).toBe(true);
    expect(background.files.length).toBeGreaterThan(0);
    expect(CONTENT_ENTRIES(graph.keys())).toEqual(
      expect.arrayContaining(['entrypoints/linkedin.content.ts', 'entrypoints/doximity.content.ts', 'entrypoints/capture-page.ts', 'entrypoints/pointer.ts']),
    );
    // A type-only import counts for the floors and cycles but loads nothing.
    const picker = importsOf('entrypoints/picker.ts');
    expect(picker.files).toContain('messages/index.ts');
    expect(picker.runtimeFiles).not.toContain('messages/index.ts');
  });
});

describe('the house rules', () => {
  it('no import points up the floors', () => {
    expect(upwardImports(graph)).toEqual([]);
  });

  it('the model imports nothing of the product', () => {
    expect([...graph.keys()].some((f) => f.startsWith('model/'))).toBe(true);
    expect(modelImports(graph)).toEqual([]);
  });

  it('the interface (components and extension pages) never imports background/', () => {
    expect(interfaceImportsBackground(graph)).toEqual([]);
  });

  it('nothing a page loads imports zod, React or Dexie', () => {
    expect(pageScriptPackages(graph)).toEqual([]);
  });

  it('there is no import cycle', () => {
    expect(importCycles(graph)).toEqual([]);
  });
});

describe('each rule catches its breach', () => {
  it('an upward import', () => {
    expect(upwardImports(made({ 'capture/a.ts': ['storage/db.ts', 'model/x.ts', 'drafting/b.ts'], 'storage/db.ts': [], 'model/x.ts': [], 'drafting/b.ts': [] }))).toEqual([
      'capture/a.ts → storage/db.ts (capture may not import storage)',
    ]);
  });

  it('the model importing the product', () => {
    expect(modelImports(made({ 'model/a.ts': ['model/b.ts', 'storage/db.ts', 'pkg:zod'], 'model/b.ts': [], 'storage/db.ts': [] }))).toHaveLength(1);
  });

  it('a component importing the background', () => {
    expect(interfaceImportsBackground(made({ 'components/popup/A.tsx': ['background/host.ts'], 'entrypoints/popup/main.tsx': ['background/b.ts'], 'entrypoints/background.ts': ['background/b.ts'] }))).toHaveLength(2);
  });

  it('a content script loading zod two files away', () => {
    expect(
      pageScriptPackages(made({ 'entrypoints/linkedin.content.ts': ['capture/a.ts'], 'capture/a.ts': ['model/s.ts'], 'model/s.ts': ['pkg:zod'] })),
    ).toEqual(['entrypoints/linkedin.content.ts loads zod through model/s.ts']);
  });

  it('a cycle of three files', () => {
    expect(importCycles(made({ 'a.ts': ['b.ts'], 'b.ts': ['c.ts'], 'c.ts': ['a.ts'], 'd.ts': ['a.ts'] }))).toEqual(['cycle: a.ts ↔ b.ts ↔ c.ts']);
  });
});
