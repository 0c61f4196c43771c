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

/**
 * How long one write chunk of an import or a restore should take. Each chunk
 * moves the progress line once, so this is what keeps it moving at least every
 * 500 ms: a fixed 100 rows took 30 ms on an idle machine and 480-960 ms under
 * load (tests/e2e/import-load.spec.ts saw both). Well under 500 ms, because the
 * pace a chunk is sized by can drop several times over on a busy machine before
 * the next chunk sees it; small chunks cost little more in all (each chunk's own
 * reads and writes are a few requests).
 */
export const CHUNK_MS = 50;
/** The first chunk, before any has been timed. */
export const FIRST_CHUNK = 100;
/** Fewest rows per chunk: below this, each chunk's own reads and writes (its derived rows) cost more than its rows. */
export const MIN_CHUNK = 10;
/** Most rows per chunk: a chunk is written as one request, and its rows are held twice while it is. */
export const MAX_CHUNK = 2_000;

/**
 * Sizes write chunks by time rather than by count: after each chunk, the next
 * one is as many rows as the last ones' pace says fit in CHUNK_MS, growing at
 * most twofold a step (a fast chunk can be luck) and shrinking at once (a slow
 * one means the machine is busy now). Writes inside a Dexie transaction cannot
 * yield to a timer, so the chunk itself is the slice.
 */
export function createChunkSizer(first = FIRST_CHUNK) {
  let size = Math.max(MIN_CHUNK, Math.min(MAX_CHUNK, first));
  return {
    /** Rows to write next. */
    next: (): number => size,
    /** Tells how long the last `rows` rows took to write. */
    took(rows: number, ms: number): void {
      if (rows <= 0) return;
      const fit = ms > 0 ? Math.floor((rows * CHUNK_MS) / ms) : MAX_CHUNK;
      size = Math.max(MIN_CHUNK, Math.min(MAX_CHUNK, 2 * size, fit));
    },
  };
}

/**
 * Writes `rows` in chunks sized by createChunkSizer, awaiting `write` for each
 * and reporting `done` after it. Awaits only what `write` returns, so inside a
 * Dexie transaction it is as safe as `write` is.
 */
export async function writeInChunks<T>(
  rows: readonly T[],
  write: (chunk: T[]) => Promise<unknown>,
  done: (rows: number) => void,
  sizer = createChunkSizer(),
): Promise<void> {
  for (let i = 0; i < rows.length; ) {
    const chunk = rows.slice(i, i + sizer.next());
    const start = performance.now();
    await write(chunk);
    sizer.took(chunk.length, performance.now() - start);
    i += chunk.length;
    done(chunk.length);
  }
}
