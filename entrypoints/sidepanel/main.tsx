// The side panel's entry: paints the first screen from its snapshot (no React, Dexie or zod), then loads the app.
import { uiLanguage } from '../../components/format';
import '../../components/theme.css';
import '../../components/sidepanel/sidepanel.css';
import { paintFirstScreen } from '../../components/first-paint/first-paint';
import { paintSidePanel } from '../../components/first-paint/paint-side-panel';

// Screen readers pronounce the page in the language its text is in.
document.documentElement.lang = uiLanguage();
const root = document.getElementById('root')!;
const painted = paintFirstScreen(root, paintSidePanel);
// Loaded beside the paint, not after it: the app's chunks are read while the snapshot is drawn.
void import('./app').then(({ start }) => start(root, painted));
