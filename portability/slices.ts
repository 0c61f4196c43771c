/**
 * Cooperative time slicing for imports of tens of thousands of rows: work
 * runs in slices of a few tens of milliseconds with the event loop free in
 * between, so the side panel keeps painting progress and answering clicks
 * (RELIABILITY L3: no task over 200 ms, progress at least every 500 ms).
 */

/** Longest stretch of work between two yields. */
export const SLICE_MS = 25;

/**
 * A new task after the current one. MessageChannel instead of setTimeout:
 * nested timeouts are clamped to 4 ms, and throttled to one a second in a
 * hidden tab, which would stretch a 100k-row import to minutes.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export type Progress = (done: number, total: number) => void;

/**
 * Yields once a slice has run long enough, reporting progress each time.
 * Not for use inside a Dexie transaction: awaiting anything but Dexie's own
 * promises there loses the transaction (see applyContactImport).
 */
export function createSlicer(onProgress?: Progress) {
  let sliceStart = performance.now();
  return async (done: number, total: number): Promise<void> => {
    if (performance.now() - sliceStart < SLICE_MS) return;
    onProgress?.(done, total);
    await yieldToEventLoop();
    sliceStart = performance.now();
  };
}
