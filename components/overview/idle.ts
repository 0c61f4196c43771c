/**
 * What the Overview does when the side panel has time: a task run when the page is next idle, and the mark that
 * says whether this profile uses the Overview at all (only then does the panel keep its snapshot current). Apart
 * from ./load-overview and ./OverviewView, which both need them, so that neither imports the other.
 */

/** Runs `task` when the page is next idle (within two seconds); the returned function cancels it. */
export function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(task, { timeout: 2_000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(task, 200);
  return () => clearTimeout(id);
}

/** Set once the Overview has drawn its live figures: from then on each panel keeps its snapshot ready, not before. */
export const OVERVIEW_SEEN_KEY = 'rapport:overview-seen';
