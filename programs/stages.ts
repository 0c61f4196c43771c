/**
 * The applicant's stage with a program: its order through a season, what an
 * edit implies (an interview date set means the interview is scheduled, a
 * rank means the program is ranked), and the words a spreadsheet uses for it.
 * Pure functions.
 */
import type { Program, ProgramStage } from '../model/schemas';
import { PROGRAM_STAGES } from '../model/schemas';

/** Stages that come before an interview is on the calendar. */
const BEFORE_INTERVIEW: ReadonlySet<ProgramStage> = new Set(['researching', 'will_apply', 'applied', 'interview_invited']);
/** Stages in which the applicant has left the program: no rule moves them back. */
const CLOSED: ReadonlySet<ProgramStage> = new Set(['not_applying', 'withdrawn']);

export function isClosedStage(stage: ProgramStage): boolean {
  return CLOSED.has(stage);
}

/** Sorting by stage: the season's order, then the stages the applicant left. */
export function stageOrder(stage: ProgramStage): number {
  return PROGRAM_STAGES.indexOf(stage);
}

/**
 * The stage after an edit. The user's own choice of stage in the same edit
 * wins; otherwise a new interview date moves an earlier stage to "interview
 * scheduled", and a rank position moves an interviewed program to "ranked".
 */
export function stageAfterEdit(before: Pick<Program, 'stage' | 'interviews' | 'rank'>, patch: Partial<Pick<Program, 'stage' | 'interviews' | 'rank'>>): ProgramStage {
  if (patch.stage && patch.stage !== before.stage) return patch.stage;
  const stage = before.stage;
  if (CLOSED.has(stage)) return stage;
  if (patch.rank !== undefined && patch.rank !== before.rank && (stage === 'interviewed' || stage === 'interview_scheduled')) return 'ranked';
  const added = (patch.interviews ?? []).some((i) => !before.interviews.some((b) => b.date === i.date));
  if (added && BEFORE_INTERVIEW.has(stage)) return 'interview_scheduled';
  return stage;
}

/** The next interview on or after `today` (YYYY-MM-DD, the user's local day), if any. */
export function nextInterview(program: Pick<Program, 'interviews'>, today: string): string | undefined {
  let next: string | undefined;
  for (const { date } of program.interviews) if (date >= today && (next === undefined || date < next)) next = date;
  return next;
}

/** Words spreadsheets use for each stage, compared folded (see stageFromWord). */
const STAGE_WORDS: Record<ProgramStage, readonly string[]> = {
  researching: ['researching', 'research', 'considering', 'interested', 'maybe', 'looking', 'idea'],
  will_apply: ['will apply', 'to apply', 'planning', 'plan to apply', 'planned', 'applying', 'todo', 'to do'],
  applied: ['applied', 'submitted', 'application submitted', 'sent', 'pending', 'waiting'],
  interview_invited: ['interview invited', 'invited', 'invite', 'interview invite', 'interview offered', 'offered'],
  interview_scheduled: ['interview scheduled', 'scheduled', 'booked', 'interview booked', 'confirmed'],
  interviewed: ['interviewed', 'interview done', 'done', 'completed', 'interview completed'],
  ranked: ['ranked', 'rank', 'on rank list', 'rank list'],
  not_applying: ['not applying', 'no', 'skip', 'skipped', 'not interested', 'declined'],
  withdrawn: ['withdrawn', 'withdrew', 'withdraw', 'cancelled', 'canceled'],
};

const WORD_TO_STAGE = new Map<string, ProgramStage>();
for (const stage of PROGRAM_STAGES) {
  WORD_TO_STAGE.set(stage.replace(/_/g, ' '), stage);
  for (const word of STAGE_WORDS[stage]) WORD_TO_STAGE.set(word, stage);
}

/** The stage a spreadsheet's status word means, or undefined for a word Rapport does not know (shown in the dry run). */
export function stageFromWord(word: string): ProgramStage | undefined {
  const folded = word
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return WORD_TO_STAGE.get(folded);
}
