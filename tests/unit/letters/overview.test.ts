// @vitest-environment node (no DOM reached: see vitest.config.ts)
/** The Letters view's order, summary and per-program counts (letters/overview.ts). */
import { describe, expect, it } from 'vitest';
import { countsPerProgram, sortLetters, summarizeLetters } from '../../../letters/overview';
import { Letter, type LetterInput } from '../../../model/schemas';

const NOW = new Date(2026, 8, 10, 12).getTime();
let n = 0;
const letter = (input: Partial<LetterInput>) => Letter.parse({ id: `l${++n}`, writerId: 'w', createdAt: n, updatedAt: n, ...input });

describe('the Letters view', () => {
  it('sums up "3 of 4 submitted, 1 due in 5 days"', () => {
    const letters = [
      letter({ status: 'submitted' }),
      letter({ status: 'thanked' }),
      letter({ status: 'submitted' }),
      letter({ status: 'agreed', deadline: '2026-09-15' }),
      letter({ status: 'declined', deadline: '2026-09-11' }),
    ];
    expect(summarizeLetters(letters, NOW)).toEqual({ total: 4, submitted: 3, overdue: 0, next: { days: 5, count: 1 } });
    expect(summarizeLetters([letter({ status: 'asked', deadline: '2026-09-01' })], NOW)).toEqual({ total: 1, submitted: 0, overdue: 1 });
  });

  it('lists overdue letters first, then by deadline', () => {
    const later = letter({ status: 'asked', deadline: '2026-10-01' });
    const overdue = letter({ status: 'agreed', deadline: '2026-09-01' });
    const soon = letter({ status: 'asked', deadline: '2026-09-12' });
    const done = letter({ status: 'submitted', deadline: '2026-09-02' });
    expect(sortLetters([done, later, soon, overdue], NOW).map((l) => l.id)).toEqual([overdue.id, soon.id, later.id, done.id]);
  });

  it('counts letters per program, case aside, leaving out declined ones', () => {
    const letters = [
      ...Array.from({ length: 5 }, () => letter({ status: 'asked', meantFor: ['Mass General IM'] })),
      letter({ status: 'agreed', meantFor: ['mass general im', 'Neurology'] }),
      letter({ status: 'declined', meantFor: ['Neurology'] }),
    ];
    expect(countsPerProgram(letters)).toEqual([
      { program: 'Mass General IM', count: 6 },
      { program: 'Neurology', count: 1 },
    ]);
  });
});
