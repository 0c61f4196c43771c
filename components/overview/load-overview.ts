/**
 * Loads the Overview's code (./OverviewView and its charts) apart from the side
 * panel's first chunks, and ahead of the click: the panel asks for it once it is
 * idle after its first paint (and then makes the Overview's snapshot current,
 * for someone who uses it), and again when the pointer or focus reaches the
 * tab (../deferred-module.ts: a section whose code is in draws at once).
 */
import { localStore } from '../../storage/local-store';
import { deferredModule } from '../deferred-module';
import { OVERVIEW_SEEN_KEY, whenIdle } from './idle';

const overview = deferredModule(() => import('./OverviewView'));

/** Starts loading the Overview's code (once; again after a failed load). */
export const prefetchOverview = overview.prefetch;
/** The Overview's module once loaded (at once when it already is); a failed load is thrown to the error boundary. */
export const useOverviewModule = overview.useModule;

/**
 * Asks for the Overview's code when the page is next idle: never in the way of the first paint. For someone who
 * opens the Overview, its snapshot is then made current too (a write since the last opening made it stale), so
 * that the tab draws its figures at once.
 */
export function prefetchOverviewWhenIdle(): () => void {
  return whenIdle(() => {
    const loaded = prefetchOverview();
    if (localStore()?.getItem(OVERVIEW_SEEN_KEY)) void loaded.then((m) => m.keepOverviewScreen()).catch(() => undefined);
    else void loaded.catch(() => undefined);
  });
}
