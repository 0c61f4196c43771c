/**
 * Builds the bench's floor extension into a temporary folder: a bare page with
 * one `<div>`, React with one element, React + Dexie reading 60 rows, and
 * Rapport's search beside a raw index read (./search.ts). The
 * benchmarks load it beside Rapport in the same Chromium and time its pages
 * interleaved with Rapport's, so that a busy machine slows both alike and the
 * ratio holds. Bundled like Rapport's pages (minified, production React).
 *
 * The manifest carries a generated public key, so the extension's id is known
 * before the browser loads it (Chromium derives the id from the key).
 */
import { build } from 'esbuild';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const FLOOR_PAGES = {
  bare: 'bare.html',
  react: 'react.html',
  reactDexie: 'react-dexie.html',
  search: 'search.html',
} as const;
export type FloorPage = keyof typeof FLOOR_PAGES;

export interface FloorExtension {
  dir: string;
  id: string;
}

/** Chromium's extension id: the first 32 hex digits of the key's SHA-256, written with the letters a to p. */
function idOf(publicKeyDer: Buffer): string {
  const hex = createHash('sha256').update(publicKeyDer).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

export async function buildFloorExtension(): Promise<FloorExtension> {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-floor-'));
  const here = import.meta.dirname;
  await build({
    entryPoints: { bare: resolve(here, 'bare.ts'), react: resolve(here, 'react.tsx'), 'react-dexie': resolve(here, 'react-dexie.tsx'), search: resolve(here, 'search.ts') },
    outdir: dir,
    bundle: true,
    minify: true,
    format: 'esm',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  const page = (script: string) =>
    `<!doctype html><html lang="en"><head><meta charset="UTF-8"><title>Floor</title></head><body><div id="root"></div><script type="module" src="./${script}.js"></script></body></html>`;
  writeFileSync(join(dir, 'bare.html'), page('bare'));
  writeFileSync(join(dir, 'react.html'), page('react'));
  writeFileSync(join(dir, 'react-dexie.html'), page('react-dexie'));
  writeFileSync(join(dir, 'search.html'), page('search'));
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const der = publicKey.export({ type: 'spki', format: 'der' });
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({ manifest_version: 3, name: 'Rapport bench floor', version: '1.0.0', key: der.toString('base64') }),
  );
  return { dir, id: idOf(der) };
}
