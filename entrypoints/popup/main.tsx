// The popup's entry: paints its first screen from its snapshot (no React, Dexie or zod), then loads the app.
import { uiLanguage } from '../../components/format';
import '../../components/theme.css';
import { paintFirstScreen } from '../../components/first-paint/first-paint';
import { currentPopupScreen, paintPopup } from '../../components/first-paint/paint-popup';

// Screen readers pronounce the page in the language its text is in.
const lang = uiLanguage();
document.documentElement.lang = lang;
const root = document.getElementById('root')!;
const painted = paintFirstScreen(root, paintPopup, () => currentPopupScreen(lang));
// Loaded beside the paint, not after it: the app's chunks are read while the snapshot is drawn.
void import('./app').then(({ start }) => start(root, painted));
