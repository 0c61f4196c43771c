/**
 * The contract between the due list and the rows it shows (follow-ups, letters, keeping in touch): a row hands its
 * action to the list, which runs it, offers its undo and says what was done. Its own file so that the rows and the
 * list do not import each other.
 */

/** Runs a due-list action; the action returns how to undo it, offered for ten seconds. */
export type DueAct = (action: () => Promise<(() => Promise<unknown>) | undefined>, done: string) => Promise<void>;
