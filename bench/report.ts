/**
 * One JSON line per figure, so that runs can be compared by any tool. A figure
 * timed against a floor (bench/floor/) carries the floor measured in the same
 * run, the ratio to it, and the ratio the quality bar allows: on a busy machine
 * the absolute value moves, the ratio should not.
 */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  target?: number;
  /** The floor's median in the same run, interleaved with the figure's own rounds. */
  floor?: number;
  /** Which floor: a bare page, React with one element, a raw index read… */
  floorName?: string;
  /** value / floor. */
  ratio?: number;
  ratioTarget?: number;
}

const round = (value: number) => Math.round(value * 100) / 100;

export function report(figure: Figure): void {
  const { floor } = figure;
  const ratio = floor !== undefined && floor > 0 ? figure.value / floor : undefined;
  console.log(
    JSON.stringify({
      ...figure,
      value: round(figure.value),
      ...(floor !== undefined ? { floor: round(floor) } : {}),
      ...(ratio !== undefined ? { ratio: round(ratio) } : {}),
    }),
  );
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
