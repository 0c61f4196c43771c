import { defineConfig } from 'wxt';
import { SYNC_HOSTS } from './sync/config';

// Host permissions stay limited to the two sites whose profile pages we read;
// every other page is reached through activeTab + scripting after a user gesture.
const HOSTS = ['https://*.linkedin.com/*', 'https://*.doximity.com/*'];
// Their image hosts, only to keep a small thumbnail of a saved person's photo
// (LinkedIn's photo links are signed and expire): see background/photo-thumb.ts.
const PHOTO_HOSTS = ['https://media.licdn.com/*', 'https://doximity-res.cloudinary.com/*'];
// Optional, off by default: the user's own sync server (sync/config.ts SYNC_HOSTS, background/sync.ts).

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
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'rapport@rapport.invalid',
              strict_min_version: '140.0',
              // Rapport collects nothing: all data stays in the browser.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  hooks: {
    // WXT sets the action's default title from the popup's <title> ("Rapport"); the tooltip is the localised one.
    'build:manifestGenerated': (_wxt, manifest) => {
      if (manifest.action) manifest.action.default_title = '__MSG_manifest_actionTitle__';
    },
  },
  vite: () => ({
    build: { sourcemap: false },
    // The import worker (portability/import.worker.ts) is a module worker, bundled into its own file of the package.
    worker: { format: 'es' },
  }),
});
