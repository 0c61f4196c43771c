import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { i18n } from '../model/i18n';

interface UndoOffer {
  message: string;
  undo(): Promise<unknown>;
}

const UndoContext = createContext<((offer: UndoOffer) => void) | undefined>(undefined);

/** Offers to undo the last action (a delete, a snooze, a status change, a bulk action…) for ten seconds. */
export function UndoProvider({ children }: { children: ReactNode }) {
  const [offer, setOffer] = useState<UndoOffer & { id: number }>();
  const [error, setError] = useState<string>();
  const show = useCallback((next: UndoOffer) => {
    setError(undefined);
    setOffer({ ...next, id: Date.now() });
  }, []);

  useEffect(() => {
    if (!offer) return;
    const timer = setTimeout(() => setOffer(undefined), 10_000);
    return () => clearTimeout(timer);
  }, [offer]);

  return (
    <UndoContext.Provider value={show}>
      {children}
      <div className="toast-region" role="status" aria-live="polite">
        {offer && (
          <div className="toast">
            <span>{error ?? offer.message}</span>
            <button
              type="button"
              onClick={() =>
                offer.undo().then(
                  () => setOffer(undefined),
                  (e: Error) => setError(e.message),
                )
              }
            >{i18n.t('common.undo')}</button>
            <button type="button" className="link" aria-label={i18n.t('common.dismiss')} onClick={() => setOffer(undefined)}>
              ✕
            </button>
          </div>
        )}
      </div>
    </UndoContext.Provider>
  );
}

export function useUndo(): (offer: UndoOffer) => void {
  return useContext(UndoContext) ?? noOffer;
}

const noOffer = () => undefined;

/** Whether an Undo toast can show here: lists then say what they did in the toast rather than twice. */
export function useHasUndo(): boolean {
  return useContext(UndoContext) !== undefined;
}
