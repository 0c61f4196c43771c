/**
 * Loads the Overview's code (./OverviewView and its charts) apart from the side
 * panel's first chunks, and ahead of the click: the panel asks for it once it is
 * idle after its first paint (and then makes the Overview's snapshot current,
 * for someone who uses it), and again when the pointer or focus reaches the
 * tab. A section whose code is in draws at once. React.lazy would not: even a
 * module already loaded suspends once, and React then holds the revealed
 * content back for its 300 ms fallback throttle.
 */
import { useEffect, useState } from 'react';
import { localStore } from '../../storage/local-store';
import { OVERVIEW_SEEN_KEY, whenIdle } from './idle';

type OverviewModule = typeof import('./OverviewView');

let loading: Promise<OverviewModule> | undefined;
let loaded: OverviewModule | undefined;

/** Starts loading the Overview's code (once; again after a failed load). */
export function prefetchOverview(): Promise<OverviewModule> {
  loading ??= import('./OverviewView').then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

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

/** The Overview's module once loaded (at once when it already is); a failed load is thrown to the error boundary. */
export function useOverviewModule(): OverviewModule | undefined {
  const [module, setModule] = useState(loaded);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    if (module) return;
    let live = true;
    prefetchOverview().then(
      (m) => live && setModule(m),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [module]);
  if (error) throw error;
  return module;
}
