/**
 * The Overview's first screen as a small snapshot kept in the extension's localStorage: the whole season's figures
 * as the last full read found them, so that the section draws them the moment it opens, without waiting for
 * IndexedDB (which, while the side panel reads its list, may answer only after the list's reads). Pure rules: what
 * the snapshot holds and when a stored one may be drawn; storage/overview-screen.ts reads and writes it, and
 * storage/first-screen.ts makes it stale before every write to a table its figures come from.
 *
 * Every figure is day-grained (local weeks, local days, today's date), so a snapshot is drawn only on the local
 * day and in the time zone it was read in, and by the build that read it (a built-in template's name is the
 * code's); the live read then takes over with the same figures.
 */
import { z } from 'zod';
import { parseStoredScreen } from '../contacts/first-screen';
import { LETTER_STATUSES, PROGRAM_STAGES } from '../model/schemas';

/** Raises when the shape changes: an older snapshot is then not drawn, never misread. */
export const OVERVIEW_SCREEN_FORMAT = 1;

const count = z.number().int().nonnegative();
const group = z.strictObject({ value: z.string(), sent: count, replied: count, medianMs: z.number().nonnegative().optional() });

/** The figures as storage/overview.ts readOverview answers them for the whole season, the names as entries. */
const StoredFigures = z.strictObject({
  funnel: z.strictObject({ reached: count, replied: count, conversation: count, letter: count.optional() }),
  weeks: z.array(z.strictObject({ start: z.number(), sent: count, replies: count })),
  works: z.strictObject({ template: z.array(group), channel: z.array(group), format: z.array(group) }),
  names: z.array(z.tuple([z.string(), z.string()])),
  upcoming: z.strictObject({
    overdue: count,
    days: z.array(z.strictObject({ start: z.number(), count })),
    lettersByStatus: z.record(z.enum(LETTER_STATUSES), count),
    nextLetter: z.strictObject({ id: z.string(), writerId: z.string(), writerName: z.string(), deadline: z.string(), status: z.enum(LETTER_STATUSES) }).optional(),
    programsByStage: z.record(z.enum(PROGRAM_STAGES), count),
    interviews: z.array(z.strictObject({ programId: z.string(), programName: z.string(), date: z.string(), time: z.string().optional() })),
  }),
});
export type StoredFigures = z.infer<typeof StoredFigures>;

export const OverviewScreen = z.strictObject({
  format: z.literal(OVERVIEW_SCREEN_FORMAT),
  /** The data versions it was read at (storage/first-screen.ts). */
  gen: z.number(),
  stamp: z.string(),
  /** The local day (YYYY-MM-DD), the time zone (storage/overview-tallies.ts zoneId) and the build it was read in. */
  day: z.string(),
  zone: z.string(),
  build: z.string(),
  figures: StoredFigures,
});
export type OverviewScreen = z.infer<typeof OverviewScreen>;

/** Where a snapshot may be drawn: the local day, time zone and build of the page about to draw it. */
export interface ScreenContext {
  day: string;
  zone: string;
  build: string;
}

/** The snapshot stored as `raw`, or undefined when it is absent, damaged, of another format, or of another day, zone or build. */
export function parseOverviewScreen(raw: string | null | undefined, here: ScreenContext): OverviewScreen | undefined {
  const parsed = OverviewScreen.safeParse(parseStoredScreen(raw, OVERVIEW_SCREEN_FORMAT));
  if (!parsed.success) return undefined;
  const screen = parsed.data;
  return screen.day === here.day && screen.zone === here.zone && screen.build === here.build ? screen : undefined;
}
