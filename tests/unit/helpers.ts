/** Builders shared by unit tests. */
import { Capture, type CaptureInput } from '../../model/schemas';
import { db } from '../../storage/db';

export function capture(overrides: Partial<CaptureInput> = {}): Capture {
  return Capture.parse({
    source: 'linkedin',
    fullName: 'Priya Raman',
    firstName: 'Priya',
    lastName: 'Raman',
    credentials: ['MD'],
    headline: 'Internal Medicine Resident at UCSF Health',
    location: 'San Francisco, California, United States',
    profileUrl: 'https://www.linkedin.com/in/priya-raman-md/',
    ...overrides,
  });
}

/** Every row of every table, for "nothing changed" assertions. */
export async function snapshot(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  // The tallies' meta row only says whether they may be read as they are: a wipe of every table removes it, and the
  // next Overview read recounts them (storage/overview-tallies.ts). The tallies themselves are compared.
  if (out.tallies) out.tallies = out.tallies.filter((row) => (row as { key: string }).key !== 'meta');
  return out;
}
