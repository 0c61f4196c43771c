/**
 * The real import graph of the repository's TypeScript, read with the TypeScript parser (static imports, re-exports,
 * `import()` and type-only imports alike), with relative paths and the project's aliases (`@/`, `~/`, `@@/`, `~~/`,
 * `#i18n`) resolved to files. The structure tests check the house plan against it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

export const ROOT = resolve(import.meta.dirname, '../../..');

const SKIP = new Set(['node_modules', '.output', '.wxt', '.git', 'test-results', 'playwright-report']);
const ALIASES = ['@@/', '~~/', '@/', '~/'];

/** Every .ts/.tsx file of the repository, as a path relative to the root with forward slashes. */
export function sourceFiles(dir = ROOT): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(relative(ROOT, path).split('\\').join('/'));
  }
  return out.sort();
}

/** What a file imports: other files of the repository, and packages by their name. */
export interface Imports {
  files: string[];
  packages: string[];
}

function specifiers(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      out.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteralLike(arg)) out.push(arg.text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      out.push(node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

function resolveFile(base: string): string | undefined {
  const stripped = base.replace(/\.(js|mjs)$/, '');
  for (const candidate of [base, `${stripped}.ts`, `${stripped}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    const path = join(ROOT, candidate);
    if (existsSync(path) && statSync(path).isFile() && /\.tsx?$/.test(candidate)) return candidate;
  }
  return undefined;
}

/** The package a bare specifier names (`@scope/name` or `name`), or the file a relative or aliased one names. */
export function importsOf(file: string): Imports {
  const files: string[] = [];
  const packages: string[] = [];
  for (const spec of specifiers(file)) {
    if (spec === '#i18n' || spec.startsWith('#i18n/')) {
      packages.push('#i18n');
      continue;
    }
    let base: string | undefined;
    if (spec.startsWith('.')) base = join(dirname(file), spec).split('\\').join('/');
    else {
      const alias = ALIASES.find((a) => spec.startsWith(a));
      if (alias) base = spec.slice(alias.length);
    }
    if (base === undefined) {
      if (spec.startsWith('node:')) continue;
      const parts = spec.split('/');
      packages.push(spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
      continue;
    }
    const target = resolveFile(base);
    // Non-TypeScript assets (CSS, JSON, images) are not part of the graph.
    if (target) files.push(target);
  }
  return { files: [...new Set(files)], packages: [...new Set(packages)] };
}

export function importGraph(files = sourceFiles()): Map<string, Imports> {
  return new Map(files.map((file) => [file, importsOf(file)]));
}

/** Every file `entry` loads, itself included, following imports of the repository's files. */
export function reachable(graph: Map<string, Imports>, entry: string): Set<string> {
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const next of graph.get(file)?.files ?? importsOf(file).files) stack.push(next);
  }
  return seen;
}

/** The import cycles, each as its files in order (Tarjan's strongly connected components of more than one file, or a file importing itself). */
export function cycles(graph: Map<string, Imports>): string[][] {
  let index = 0;
  const indexes = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const connect = (file: string): void => {
    indexes.set(file, index);
    low.set(file, index);
    index++;
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file)?.files ?? []) {
      if (!indexes.has(next)) {
        connect(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(file, Math.min(low.get(file)!, indexes.get(next)!));
    }
    if (low.get(file) === indexes.get(file)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      if (component.length > 1 || graph.get(file)?.files.includes(file)) out.push(component.sort());
    }
  };
  for (const file of graph.keys()) if (!indexes.has(file)) connect(file);
  return out;
}
