/**
 * What the popup's live view has read of what its snapshot shows (the due count, the due list, the interview
 * thank-yous), and at which data version (storage/first-screen.ts's POPUP_SCREEN `gen`, read as each read began).
 * Two things wait on it: the takeover from the painted snapshot, once every part has answered (nothing then changes
 * on screen), and the next snapshot, copied from the live view only while every part it shows was read at the
 * current version. A part that a write did not touch is not read again by Dexie, so it is asked to read again once
 * (its answer is the same, at the new version). Outside the popup (the side panel's due list) there is no tracker,
 * and reporting does nothing.
 */
import { createContext, useContext, useEffect, useLayoutEffect, useState } from 'react';

export type PopupRead = 'due-count' | 'due-list' | 'interview-thanks';
const PARTS: readonly PopupRead[] = ['due-count', 'due-list', 'interview-thanks'];

export class PopupReads {
  private readonly gens = new Map<PopupRead, number>();
  private readonly again = new Map<PopupRead, () => void>();
  /** The version the stale parts were last asked to read again at: asked once per version, never in a loop. */
  private asked: number | undefined;

  /** `onAnswer` runs after each commit that draws an answer (in its layout effects: before the browser paints). */
  constructor(private readonly onAnswer: () => void) {}

  report(part: PopupRead, gen: number): void {
    this.gens.set(part, gen);
    this.onAnswer();
  }

  /** Whether every part has answered at least once. */
  get complete(): boolean {
    return PARTS.every((part) => this.gens.has(part));
  }

  /** Registers how `part` is asked to read again; returns the unregistering. */
  onAskAgain(part: PopupRead, ask: () => void): () => void {
    this.again.set(part, ask);
    return () => this.again.delete(part);
  }

  /** Whether every part on screen was read at `current`; if not, asks the parts read before it to read again. */
  settled(current: number): boolean {
    const stale = PARTS.filter((part) => this.gens.get(part) !== current);
    if (stale.length === 0) return true;
    if (this.complete && this.asked !== current) {
      this.asked = current;
      for (const part of stale) this.again.get(part)?.();
    }
    return false;
  }
}

export const PopupReadsContext = createContext<PopupReads | undefined>(undefined);

/** A number for `part`'s live query's dependencies, raised when the tracker asks it to read again. */
export function useReadAgain(part: PopupRead): number {
  const reads = useContext(PopupReadsContext);
  const [round, setRound] = useState(0);
  useEffect(() => reads?.onAskAgain(part, () => setRound((n) => n + 1)), [reads, part]);
  return round;
}

/** Reports, once the commit that draws `answer` is in the DOM, that `part` shows what was read at `gen`. */
export function useReportRead(part: PopupRead, answer: { gen: number } | undefined): void {
  const reads = useContext(PopupReadsContext);
  useLayoutEffect(() => {
    if (reads && answer) reads.report(part, answer.gen);
  }, [reads, part, answer]);
}
