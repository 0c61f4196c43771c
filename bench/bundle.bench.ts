/**
 * Sizes of the scripts that run in web pages, from the built extension: each
 * content script (and each script injected after a click) gzipped, against the
 * 15 KB budget, and minified, against 40 KB (RELIABILITY L4).
 * Needs `npm run build` first (npm run bench does it).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR } from '../scripts/chromium';
import { report } from './report';

const scripts = [
  ...readdirSync(join(EXTENSION_DIR, 'content-scripts')).map((name) => join(EXTENSION_DIR, 'content-scripts', name)),
  join(EXTENSION_DIR, 'capture-page.js'),
  join(EXTENSION_DIR, 'picker.js'),
].filter((path) => path.endsWith('.js'));

for (const path of scripts) {
  const source = readFileSync(path);
  const name = basename(path, '.js');
  report({ name: `bundle.${name}.gzip_kb`, value: gzipSync(source, { level: 9 }).length / 1024, unit: 'KB', target: 15 });
  report({ name: `bundle.${name}.min_kb`, value: source.length / 1024, unit: 'KB', target: 40 });
}
