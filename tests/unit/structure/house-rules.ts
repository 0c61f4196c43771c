/**
 * The house plan (../shared/ARCHITECTURE.md, README's "Architecture") as rules over the import graph: the floors,
 * from the ground up, and which of them a file may import. Each rule answers the imports that break it, one line
 * each, so that the test's failure reads as a to-do list.
 */
import { cycles, reachable, type Imports } from './import-graph';

/**
 * The floors, lowest first: a file may import its own floor and the floors below it, never one above.
 * The rule folders (pure decisions, one per feature) share a floor and may use one another.
 */
export const FLOORS: readonly (readonly string[])[] = [
  ['model'],
  ['capture', 'contacts', 'drafting', 'followups', 'letters', 'programs', 'portability'],
  ['storage'],
  ['platform'],
  ['messages'],
  ['background', 'import-worker'],
  ['components'],
  ['entrypoints'],
];

/** The scripts a page loads: content scripts and the scripts injected after a click. */
export const CONTENT_ENTRIES = (files: Iterable<string>): string[] =>
  [...files].filter(
    (f) => /^entrypoints\/[^/]+\.content\.tsx?$/.test(f) || ['entrypoints/capture-page.ts', 'entrypoints/picker.ts', 'entrypoints/pointer.ts'].includes(f),
  );

/** What no script running in a web page may load: each would cost the page its weight and none is needed there. */
export const NOT_IN_PAGES = ['zod', 'react', 'react-dom', 'dexie', 'dexie-react-hooks'];

/** The extension pages: the user's interface, which reaches the background only by messages. */
const PAGES = /^entrypoints\/(popup|sidepanel|options)\//;

function floorOf(file: string): number | undefined {
  const top = file.split('/')[0]!;
  const index = FLOORS.findIndex((floor) => floor.includes(top));
  return index < 0 ? undefined : index;
}

/** Imports that point up the floors. */
export function upwardImports(graph: Map<string, Imports>): string[] {
  const out: string[] = [];
  for (const [file, { files }] of graph) {
    const from = floorOf(file);
    if (from === undefined) continue;
    for (const target of files) {
      const to = floorOf(target);
      if (to !== undefined && to > from) out.push(`${file} → ${target} (${file.split('/')[0]} may not import ${target.split('/')[0]})`);
    }
  }
  return out;
}

/** The model imports nothing of the product: only other model files and packages. */
export function modelImports(graph: Map<string, Imports>): string[] {
  const out: string[] = [];
  for (const [file, { files }] of graph) {
    if (!file.startsWith('model/')) continue;
    for (const target of files) if (!target.startsWith('model/')) out.push(`${file} → ${target} (the model imports nothing of the product)`);
  }
  return out;
}

/** The interface (components and the extension pages) never imports the background's modules. */
export function interfaceImportsBackground(graph: Map<string, Imports>): string[] {
  const out: string[] = [];
  for (const [file, { files }] of graph) {
    if (!file.startsWith('components/') && !PAGES.test(file)) continue;
    for (const target of files) if (target.startsWith('background/')) out.push(`${file} → ${target} (the interface never imports background/)`);
  }
  return out;
}

/** For each script a page loads, the packages it must not load that it does, with the file that imports each. */
export function pageScriptPackages(graph: Map<string, Imports>): string[] {
  const out: string[] = [];
  for (const entry of CONTENT_ENTRIES(graph.keys())) {
    for (const file of [...reachable(graph, entry)].sort()) {
      for (const pkg of graph.get(file)?.runtimePackages ?? []) {
        if (NOT_IN_PAGES.includes(pkg)) out.push(`${entry} loads ${pkg} through ${file}`);
      }
    }
  }
  return out;
}

export function importCycles(graph: Map<string, Imports>): string[] {
  return cycles(graph).map((cycle) => `cycle: ${cycle.join(' ↔ ')}`);
}

/** Every rule's breaches, in one list. */
export function houseRuleViolations(graph: Map<string, Imports>): string[] {
  return [
    ...upwardImports(graph),
    ...modelImports(graph),
    ...interfaceImportsBackground(graph),
    ...pageScriptPackages(graph),
    ...importCycles(graph),
  ];
}
