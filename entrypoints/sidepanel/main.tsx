// The side panel's entry: paints the first screen from its snapshot and reads the first page of contacts (no React,
// Dexie or zod), then loads the app.
import { uiLanguage } from '../../components/format';
import '../../components/theme.css';
import '../../components/sidepanel/sidepanel.css';
import { paintFirstScreen } from '../../components/first-paint/first-paint';
import { paintSidePanel } from '../../components/first-paint/paint-side-panel';
import { readFirstPage } from '../../storage/first-page-read';
import { FIRST_PAGE_SIZE } from '../../contacts/first-screen';
import { rememberSectionClicks } from '../../components/first-paint/boot-clicks';
import { SECTIONS } from '../../components/sidepanel/sections';

// Screen readers pronounce the page in the language its text is in.
document.documentElement.lang = uiLanguage();
const root = document.getElementById('root')!;
const painted = paintFirstScreen(root, paintSidePanel);
// A section tab clicked on the snapshot is opened by the panel's first render.
rememberSectionClicks(root, SECTIONS.map(({ id }) => id));
// The database's first page, read while the app's chunks load (once the snapshot is painted: its callbacks must not
// come before the paint): React's first render draws it live.
const firstPage = painted.then(() => readFirstPage(FIRST_PAGE_SIZE));
// Loaded beside the paint, not after it: the app's chunks are read while the snapshot is drawn.
void import('./app').then(({ start }) => start(root, painted, firstPage));
