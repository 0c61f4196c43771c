// @vitest-environment node (no DOM reached but the page's localStorage: see vitest.config.ts)
/** Interview thank-yous are counted in the badge from the day after the interview, and "Done" undoes. */
import '../page-storage';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { refreshBadge } from '../../../background/badge';
import { addContact } from '../../../storage/contacts';
import { countDueItems } from '../../../storage/due';
import { listDueInterviewThanks, setInterviewThanksHandled } from '../../../storage/interview-thanks';
import { addProgram, updateProgram } from '../../../storage/programs';

const INTERVIEW = new Date(2026, 10, 14, 9).getTime();
const NEXT_MORNING = new Date(2026, 10, 15, 8).getTime();

describe('interview thank-yous in the badge', () => {
  it('appear the day after, add to the follow-ups in the badge, and come back on undo', async () => {
    const program = await addProgram({ name: 'Northfield General Hospital' }, 1);
    await addContact({ fullName: 'Ana', organization: 'Northfield General Hospital' });
    const updated = await updateProgram(program.id, { interviews: [{ date: '2026-11-14', time: '09:00' }] });
    expect(updated.stage).toBe('interview_scheduled');
    expect(await countDueItems(INTERVIEW)).toBe(0);
    expect(await countDueItems(NEXT_MORNING)).toBe(1);
    expect(await refreshBadge(NEXT_MORNING)).toBe(1);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    await setInterviewThanksHandled(program.id, '2026-11-14', NEXT_MORNING);
    expect(await listDueInterviewThanks(NEXT_MORNING)).toEqual([]);
    expect(await refreshBadge(NEXT_MORNING)).toBe(0);
    await setInterviewThanksHandled(program.id, '2026-11-14', undefined);
    expect((await listDueInterviewThanks(NEXT_MORNING)).map((d) => d.programId)).toEqual([program.id]);
  });
});
