import { resolve } from 'node:path';
import type { Plugin, Rollup } from 'vite';
import { defineConfig } from 'wxt';
import { SYNC_HOSTS } from './sync/config';

// Host permissions stay limited to the two sites whose profile pages we read;
// every other page is reached through activeTab + scripting after a user gesture.
const HOSTS = ['https://*.linkedin.com/*', 'https://*.doximity.com/*'];
// Their image hosts, only to keep a small thumbnail of a saved person's photo
// (LinkedIn's photo links are signed and expire): see background/photo-thumb.ts.
const PHOTO_HOSTS = ['https://media.licdn.com/*', 'https://doximity-res.cloudinary.com/*'];
// Optional, off by default: the user's own sync server (sync/config.ts SYNC_HOSTS, background/sync.ts).

/**
 * Rapport's permanent add-on id on addons.mozilla.org, generated once (crypto.randomUUID()).
 * AMO ties every upload, update and user's data to it: it must never change.
 */
export const FIREFOX_ADDON_ID = '{81ccc0e4-c413-4a62-b741-d0f5f2c05450}';

/**
 * zod's sources carry `@__PURE__` comments where Rollup cannot use them, and Rollup says so, for
 * every bundle, in words that read like errors. They are harmless (the comment is dropped, the code
 * is kept). Only that warning, and only from zod, is silenced; every other warning still prints.
 */
function quietZodAnnotations(warning: Rollup.RollupLog, warn: (warning: Rollup.RollupLog) => void): void {
  if (warning.code === 'INVALID_ANNOTATION' && /[\\/]node_modules[\\/]zod[\\/]/.test(warning.id ?? '')) return;
  warn(warning);
}

/**
 * PouchDB can run a filter or view written as a string in a design document (`scopeEval`, the Function
 * constructor). Rapport never asks for one, and code that arrives from a server must never run: the body is
 * replaced by a refusal, so the built extension holds no eval at all (addons-linter checks it).
 */
const POUCH_EVAL = 'return Function.apply(null, keys).apply(null, values);';
function noPouchEval(): Plugin {
  return {
    name: 'rapport-no-pouchdb-eval',
    transform(code, id) {
      // If PouchDB ever rewrites this line, addons-linter's check (tests/unit/build/packages.test.ts) fails the build audit.
      if (!/[\\/]node_modules[\\/]pouchdb-browser[\\/]/.test(id) || !code.includes(POUCH_EVAL)) return null;
      return { code: code.replace(POUCH_EVAL, "throw new Error('Rapport does not run code from a sync document.');"), map: null };
    },
  };
}

/**
 * The extension pages' packages in chunks of their own, each well under Vite's 500 kB warning, instead of one shared
 * chunk of everything: a page loads what it imports and the browser caches each package's chunk apart. The first
 * paint (components/first-paint/) imports none of them. Only for the pages' build: the background and the content
 * scripts are single files, where chunks cannot exist.
 */
const VENDOR_CHUNKS: [name: string, test: RegExp][] = [
  ['react', /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/],
  ['dexie', /[\\/]node_modules[\\/](dexie|dexie-react-hooks)[\\/]/],
  ['zod', /[\\/]node_modules[\\/]zod[\\/]/],
  ['date-fns', /[\\/]node_modules[\\/]date-fns[\\/]/],
  // Rollup's CommonJS helpers, on their own: left alone they join the first package chunk that needs them (React),
  // and the first paint, whose browser polyfill needs them too, then loaded and ran all of React before painting.
  ['cjs-helpers', /^\0commonjsHelpers\.js$/],
];
function vendorChunks(): Plugin {
  return {
    name: 'rapport-vendor-chunks',
    outputOptions(options) {
      if (options.format !== 'es' || options.inlineDynamicImports) return null;
      return { ...options, manualChunks: (id) => VENDOR_CHUNKS.find(([, test]) => test.test(id))?.[0] };
    },
  };
}

/**
 * The LinkedIn and Doximity content scripts run on every profile page and must stay tiny (RELIABILITY L4): in their
 * builds `wxt/browser` (which the polyfill module points at webextension-polyfill, about 5.5 KB minified) is the
 * browser's own API, platform/native-runtime.ts. They use only `runtime.onMessage`, through that file, and WXT's
 * ContentScriptContext, which only reads `runtime.id`. Every other context keeps the polyfill.
 */
const NATIVE_RUNTIME = resolve(import.meta.dirname, 'platform/native-runtime.ts');
const POLYFILLED = new Set(['wxt/browser', '@wxt-dev/webextension-polyfill/browser', 'webextension-polyfill']);
function nativeBrowserApi(): Plugin {
  return {
    name: 'rapport-content-scripts-native-browser',
    enforce: 'pre',
    resolveId: (source) => (POLYFILLED.has(source) ? NATIVE_RUNTIME : null),
  };
}

export default defineConfig({
  // Parallel work (and CI) can build into separate folders: WXT_OUT_DIR=.output-x npm run build.
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    // Interface strings live in locales/*.yml (@wxt-dev/i18n); the browser's language picks one.
    default_locale: 'en',
    permissions: [
      'storage',
      'unlimitedStorage',
      'alarms',
      'activeTab',
      'scripting',
      // The opt-in daily summary of follow-ups due (off unless the user turns it on), and the
      // result of a save from the context menu or the shortcut, which cannot show the popup.
      'notifications',
      // "Save person to Rapport" and "Save selection as contact" on any page.
      'contextMenus',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    host_permissions: [...HOSTS, ...PHOTO_HOSTS],
    optional_host_permissions: SYNC_HOSTS,
    commands: {
      'save-person': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_manifest_commandSavePerson__',
      },
    },
    action: { default_title: '__MSG_manifest_actionTitle__' },
    // The oldest Chrome with every API Rapport calls: sidePanel.open() from a user gesture came in 116.
    ...(browser === 'firefox' ? {} : { minimum_chrome_version: '116' }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: FIREFOX_ADDON_ID,
              strict_min_version: '140.0',
              // Rapport collects nothing: all data stays in the browser.
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on (addons-linter asks for it).
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  hooks: {
    // Content scripts only (each is built on its own): see nativeBrowserApi.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.every((entry) => entry.type === 'content-script')) config.plugins = [...(config.plugins ?? []), nativeBrowserApi()];
    },
    // WXT sets the action's default title from the popup's <title> ("Rapport"); the tooltip is the localised one.
    'build:manifestGenerated': (_wxt, manifest) => {
      if (manifest.action) manifest.action.default_title = '__MSG_manifest_actionTitle__';
    },
  },
  vite: () => ({
    plugins: [noPouchEval(), vendorChunks()],
    build: { sourcemap: false, rollupOptions: { onwarn: quietZodAnnotations } },
    // The import worker (import-worker/import.worker.ts) is a module worker, bundled into its own file of the package.
    worker: { format: 'es' },
  }),
});
