/**
 * "What works": reply rate and median time to reply per template, channel and
 * message format, each resting on how many messages were sent. A figure is
 * shown only where it says something: a rate from fewer than MIN_MESSAGES
 * messages, or a median from fewer than MIN_REPLIES replies, is held back and
 * the row says so instead.
 */
export const MIN_MESSAGES = 10;
export const MIN_REPLIES = 5;

export interface GroupCounts {
  /** A template id ('' for messages written without one), a channel or a format. */
  value: string;
  sent: number;
  /** Logged replies that answer one of these messages (at most one per message). */
  replied: number;
  /** Median delay from message to reply, when there were enough replies to read it. */
  medianMs?: number;
}

export interface WorksRow extends GroupCounts {
  /** replied / sent, when sent ≥ MIN_MESSAGES. */
  rate?: number;
}

export interface WorksTable {
  /** Groups with enough messages, best reply rate first. */
  rows: WorksRow[];
  /** Groups left out for having fewer than MIN_MESSAGES messages, and how many messages they hold. */
  held: { groups: number; messages: number };
}

export function worksTable(groups: readonly GroupCounts[]): WorksTable {
  const rows: WorksRow[] = [];
  const held = { groups: 0, messages: 0 };
  for (const group of groups) {
    if (group.sent === 0) continue;
    if (group.sent < MIN_MESSAGES) {
      held.groups++;
      held.messages += group.sent;
      continue;
    }
    const replied = Math.min(group.replied, group.sent);
    rows.push({
      value: group.value,
      sent: group.sent,
      replied,
      rate: replied / group.sent,
      ...(replied >= MIN_REPLIES && group.medianMs !== undefined ? { medianMs: group.medianMs } : {}),
    });
  }
  rows.sort((a, b) => b.rate! - a.rate! || b.sent - a.sent || a.value.localeCompare(b.value));
  return { rows, held };
}

/** The positions (0-based, in ascending order) whose values make the median of `n` values. */
export function medianPositions(n: number): [number] | [number, number] | [] {
  if (n <= 0) return [];
  return n % 2 ? [(n - 1) / 2] : [n / 2 - 1, n / 2];
}

/** The median from the values read at medianPositions. */
export function medianOf(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  return values.reduce((a, b) => a + b, 0) / values.length;
}
