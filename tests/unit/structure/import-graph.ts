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
export function sourceFiles(root = ROOT, dir = root): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(root, path));
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(relative(root, path).split('\\').join('/'));
  }
  return out.sort();
}

/**
 * What a file imports: other files of the repository and packages by their name, all of them (`files`,
 * `packages`: the plan's floors and cycles count type imports too) and those that load at run time (`runtime…`).
 */
export interface Imports {
  files: string[];
  packages: string[];
  runtimeFiles: string[];
  runtimePackages: string[];
}

/** A module specifier, and whether only types come through it (erased from the bundle, so never loaded). */
interface Specifier {
  text: string;
  typeOnly: boolean;
}

function typeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false;
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  return !clause.name && bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
}

function typeOnlyExport(node: ts.ExportDeclaration): boolean {
  if (node.isTypeOnly) return true;
  const clause = node.exportClause;
  return clause !== undefined && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly);
}

function specifiers(root: string, file: string): Specifier[] {
  const text = readFileSync(join(root, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: Specifier[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      out.push({ text: node.moduleSpecifier.text, typeOnly: typeOnlyImport(node) });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      out.push({ text: node.moduleSpecifier.text, typeOnly: typeOnlyExport(node) });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteralLike(arg)) out.push({ text: arg.text, typeOnly: false });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      out.push({ text: node.argument.literal.text, typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

function resolveFile(root: string, base: string): string | undefined {
  const stripped = base.replace(/\.(js|mjs)$/, '');
  for (const candidate of [base, `${stripped}.ts`, `${stripped}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    const path = join(root, candidate);
    if (existsSync(path) && statSync(path).isFile() && /\.tsx?$/.test(candidate)) return candidate;
  }
  return undefined;
}

/** The package a bare specifier names (`@scope/name` or `name`), or the file a relative or aliased one names. */
export function importsOf(file: string, root = ROOT): Imports {
  const out: Imports = { files: [], packages: [], runtimeFiles: [], runtimePackages: [] };
  const add = (list: string[], item: string) => {
    if (!list.includes(item)) list.push(item);
  };
  for (const { text: spec, typeOnly } of specifiers(root, file)) {
    let pkg: string | undefined;
    let target: string | undefined;
    if (spec === '#i18n' || spec.startsWith('#i18n/')) pkg = '#i18n';
    else {
      let base: string | undefined;
      if (spec.startsWith('.')) base = join(dirname(file), spec).split('\\').join('/');
      else {
        const alias = ALIASES.find((a) => spec.startsWith(a));
        if (alias) base = spec.slice(alias.length);
      }
      if (base !== undefined) target = resolveFile(root, base);
      else if (!spec.startsWith('node:')) {
        const parts = spec.split('/');
        pkg = spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
      }
    }
    // Non-TypeScript assets (CSS, JSON, images) are not part of the graph.
    if (target) {
      add(out.files, target);
      if (!typeOnly) add(out.runtimeFiles, target);
    }
    if (pkg) {
      add(out.packages, pkg);
      if (!typeOnly) add(out.runtimePackages, pkg);
    }
  }
  return out;
}

/** The graph of every source file under `root` (the repository, or an old commit's tree unpacked elsewhere). */
export function importGraph(root = ROOT): Map<string, Imports> {
  return new Map(sourceFiles(root).map((file) => [file, importsOf(file, root)]));
}

/** Every file `entry` loads at run time, itself included (type-only imports are erased, so not followed). */
export function reachable(graph: Map<string, Imports>, entry: string): Set<string> {
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const next of graph.get(file)?.runtimeFiles ?? []) stack.push(next);
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
