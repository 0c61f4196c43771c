/**
 * What the popup's live view has read of what its snapshot shows (the due count, the due list, the interview
 * thank-yous), and at which data version (storage/first-screen.ts's POPUP_SCREEN `gen`, read as each read began).
 * Two things wait on it: the takeover from the painted snapshot, once every part has answered (nothing then changes
 * on screen), and the next snapshot, copied from the live view only while every part it shows was read since the
 * last write. Outside the popup (the side panel's due list) there is no tracker, and reporting does nothing.
 */
import { createContext, useContext, useLayoutEffect } from 'react';

export type PopupRead = 'due-count' | 'due-list' | 'interview-thanks';
const PARTS: readonly PopupRead[] = ['due-count', 'due-list', 'interview-thanks'];

export class PopupReads {
  private readonly gens = new Map<PopupRead, number>();

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

  /** The data version every part on screen was read at, or undefined while a part is missing or they differ. */
  get gen(): number | undefined {
    if (!this.complete) return undefined;
    const gens = new Set(this.gens.values());
    return gens.size === 1 ? [...gens][0] : undefined;
  }
}

export const PopupReadsContext = createContext<PopupReads | undefined>(undefined);

/** Reports, once the commit that draws `answer` is in the DOM, that `part` shows what was read at `gen`. */
export function useReportRead(part: PopupRead, answer: { gen: number } | undefined): void {
  const reads = useContext(PopupReadsContext);
  useLayoutEffect(() => {
    if (reads && answer) reads.report(part, answer.gen);
  }, [reads, part, answer]);
}
