/**
 * Reads and writes the Overview's snapshot (overview/overview-screen.ts) through the first-screen mechanism
 * (./first-screen.ts): one is drawn only while no write has reached a table its figures come from since it was
 * read, and it is written from a read of its own, made after the data versions it carries were read.
 */
import { BUILTIN_TEMPLATES } from '../drafting/builtin-templates';
import { OVERVIEW_WEEKS, periodOf, weekBounds } from '../overview/calendar';
import { OVERVIEW_SCREEN_FORMAT, OverviewScreen, parseOverviewScreen, type ScreenContext } from '../overview/overview-screen';
import { currentScreen, OVERVIEW_SCREEN, writeScreen } from './first-screen';
import { readOverview, type OverviewFigures } from './overview';
import { dayKey, zoneId } from './overview-tallies';

/** The built-in templates' names as this build has them (a snapshot names them as the build that read it did). */
const BUILD = (() => {
  let hash = 5381;
  for (const char of BUILTIN_TEMPLATES.map((t) => `${t.id}=${t.name}`).join('|')) hash = ((hash * 33) ^ char.charCodeAt(0)) >>> 0;
  return hash.toString(36);
})();

/** Where a snapshot read or drawn at `now` belongs. */
export const screenContext = (now: number): ScreenContext => ({ day: dayKey(now), zone: zoneId(), build: BUILD });

/** The whole season's figures at `now`, as the Overview draws them first. */
export const seasonOverview = (now: number): Promise<OverviewFigures> => readOverview(now, periodOf('season', now), weekBounds(now, OVERVIEW_WEEKS));

/** The stored snapshot's figures, when it is current on both data versions and of `now`'s day, zone and build. */
export async function currentOverviewScreen(now: number): Promise<OverviewFigures | undefined> {
  const here = screenContext(now);
  const screen = await currentScreen(OVERVIEW_SCREEN, (raw) => parseOverviewScreen(raw, here));
  return screen && { ...screen.figures, names: new Map(screen.figures.names) };
}

/** Writes the snapshot afresh from a read of its own; whether one was written (none across a local midnight). */
export function writeOverviewScreen(): Promise<boolean> {
  return writeScreen(OVERVIEW_SCREEN, async (versions) => {
    const now = Date.now();
    const here = screenContext(now);
    const figures = await seasonOverview(now);
    if (screenContext(Date.now()).day !== here.day) return undefined;
    return OverviewScreen.parse({ format: OVERVIEW_SCREEN_FORMAT, ...versions, ...here, figures: { ...figures, names: [...figures.names] } });
  });
}
