/**
 * The outreach funnel: reached, replied, had a conversation or meeting, and
 * (for letter writers) letter submitted, each step counting the contacts of
 * the step before it who got that far. A period is a cohort: the people first
 * reached in it, and how far each has come since.
 */
export const STEPS = ['reached', 'replied', 'conversation', 'letter'] as const;
export type FunnelStep = (typeof STEPS)[number];

export interface FunnelCounts {
  reached: number;
  replied: number;
  conversation: number;
  /** Absent when the user keeps no letters: the step is not drawn. */
  letter?: number;
}

export interface FunnelBar {
  step: FunnelStep;
  count: number;
  /** Share of those reached, 0..1; 0 when nobody was reached. */
  ofReached: number;
  /** Share of the step before, 0..1 (1 for the first step). */
  ofPrevious: number;
}

export function funnelBars(counts: FunnelCounts): FunnelBar[] {
  const bars: FunnelBar[] = [];
  for (const step of STEPS) {
    const count = counts[step];
    if (count === undefined) continue;
    const previous = bars.at(-1)?.count;
    // The letter step follows "reached": a writer need not have logged a meeting.
    const base = step === 'letter' ? counts.reached : previous;
    bars.push({
      step,
      count,
      ofReached: counts.reached ? count / counts.reached : 0,
      ofPrevious: base === undefined ? 1 : base ? count / base : 0,
    });
  }
  return bars;
}
