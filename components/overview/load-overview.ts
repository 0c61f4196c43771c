/**
 * Loads the Overview's code (./OverviewView and its charts) apart from the side
 * panel's first chunks, and ahead of the click: the panel asks for it once it is
 * idle after its first paint, and again when the pointer or focus reaches the
 * tab. A section whose code is in draws at once. React.lazy would not: even a
 * module already loaded suspends once, and React then holds the revealed
 * content back for its 300 ms fallback throttle.
 */
import { useEffect, useState } from 'react';

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

/** Asks for the Overview's code when the page is next idle (within two seconds): never in the way of the first paint. */
export function prefetchOverviewWhenIdle(): () => void {
  const load = () => void prefetchOverview().catch(() => undefined);
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(load, { timeout: 2_000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(load, 200);
  return () => clearTimeout(id);
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
