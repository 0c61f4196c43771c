/**
 * Sizes of the scripts that run in web pages, from the built extension: each
 * content script gzipped and minified against its budget, and each script
 * injected after a click against its own (scripts/bundle-budget.ts, RELIABILITY L4).
 * Needs `npm run build` first (npm run bench does it).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CONTENT_SCRIPT_BUDGET, INJECTED_SCRIPT_BUDGET } from '../scripts/bundle-budget';
import { EXTENSION_DIR } from '../scripts/chromium';
import { report } from './report';

const scripts = [
  ...readdirSync(join(EXTENSION_DIR, 'content-scripts')).map((name) => ({ path: join(EXTENSION_DIR, 'content-scripts', name), budget: CONTENT_SCRIPT_BUDGET })),
  ...['capture-page.js', 'picker.js', 'pointer.js'].map((name) => ({ path: join(EXTENSION_DIR, name), budget: INJECTED_SCRIPT_BUDGET })),
].filter(({ path }) => path.endsWith('.js'));

for (const { path, budget } of scripts) {
  const source = readFileSync(path);
  const name = basename(path, '.js');
  report({ name: `bundle.${name}.gzip_kb`, value: gzipSync(source, { level: 9 }).length / 1024, unit: 'KB', target: budget.gzippedBytes / 1024 });
  report({ name: `bundle.${name}.min_kb`, value: source.length / 1024, unit: 'KB', target: budget.minifiedBytes / 1024 });
}
