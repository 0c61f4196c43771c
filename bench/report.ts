/** One JSON line per figure, so that runs can be compared by any tool. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  target?: number;
}

export function report(figure: Figure): void {
  console.log(JSON.stringify({ ...figure, value: Math.round(figure.value * 100) / 100 }));
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
