/**
 * Code a page loads apart from its first chunks, and ahead of its use: asked for once the page is idle after its
 * first screen (or when the pointer or focus comes near what needs it), drawn at once when it is in. React.lazy
 * would not do: even a module already loaded suspends once, and React then holds the revealed content back for its
 * 300 ms fallback throttle. Used for the Overview (./overview/load-overview.ts) and for the side panel's screens
 * that its first screen does not show (./sidepanel/load-later.ts).
 */
import { useEffect, useState } from 'react';
// The Overview's idle task runner, the one for every deferred load.
import { whenIdle } from './overview/idle';

export interface DeferredModule<M> {
  /** Starts loading the code (once; again after a failed load). */
  prefetch(): Promise<M>;
  /** Asks for the code when the page is next idle (within two seconds): never in the way of the first screen. */
  prefetchWhenIdle(): () => void;
  /**
   * The module once loaded (at once when it already is). `wanted`: something on screen needs it now, so it is
   * loaded at once, and a failed load is thrown to the error boundary; otherwise it is drawn once a prefetch brings it.
   */
  useModule(wanted?: boolean): M | undefined;
}

export function deferredModule<M>(load: () => Promise<M>): DeferredModule<M> {
  let loading: Promise<M> | undefined;
  let loaded: M | undefined;
  const listeners = new Set<() => void>();
  const prefetch = () => {
    loading ??= load().then(
      (module) => {
        loaded = module;
        for (const listener of listeners) listener();
        return module;
      },
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
  return {
    prefetch,
    prefetchWhenIdle: () => whenIdle(() => void prefetch().catch(() => undefined)),
    useModule(wanted = true) {
      const [, drawn] = useState(0);
      const [error, setError] = useState<unknown>();
      const seen = loaded;
      useEffect(() => {
        const onLoad = () => drawn((n) => n + 1);
        // Loaded between this render and its effect: draw it.
        if (loaded) return void (seen ? undefined : onLoad());
        listeners.add(onLoad);
        if (wanted) prefetch().catch((e: unknown) => setError(e));
        return () => void listeners.delete(onLoad);
      }, [wanted, seen]);
      if (error) throw error;
      return loaded;
    },
  };
}
