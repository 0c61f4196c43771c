/**
 * One row of the due list, whatever is due (a follow-up, a letter, keeping in touch): the person's name, what
 * else tells them apart, when it is due, one line of context and the row's actions. Each kind of row supplies its
 * wording and actions (DueList.tsx, ../letters/LetterDueRow.tsx, ../letters/KeepInTouchRow.tsx); the row's shape,
 * and the name that labels it for assistive technology, are the same for all.
 */
import { useId, type ReactNode } from 'react';

interface Props {
  /** `data-kind`, for the rows that are not follow-ups. */
  kind?: 'letter' | 'keep_in_touch';
  name: string;
  /** After the name: the organization, the kind of letter. */
  detail?: string;
  /** When it is due, in words. */
  when: ReactNode;
  /** Red when late. */
  late?: boolean;
  whenTestId?: string;
  /** The line under the name. */
  context?: ReactNode;
  /** The row's buttons. */
  children: ReactNode;
}

export function DueRow({ kind, name, detail, when, late, whenTestId, context, children }: Props) {
  const nameId = useId();
  return (
    <li className="card stack" aria-labelledby={nameId} data-testid="due-item" data-kind={kind} style={{ padding: 10, gap: 6 }}>
      <div className="spread" style={{ alignItems: 'baseline' }}>
        <div style={{ minWidth: 0 }}>
          <strong id={nameId}>{name}</strong>
          {detail && <span className="muted"> · {detail}</span>}
        </div>
        <span className={late ? 'error' : 'muted'} data-testid={whenTestId} style={{ whiteSpace: 'nowrap', fontSize: 12 }}>
          {when}
        </span>
      </div>
      {context !== undefined && context !== false && (
        <span className="muted" style={{ fontSize: 12 }}>
          {context}
        </span>
      )}
      <div className="row" style={{ flexWrap: 'wrap', gap: 6 }}>
        {children}
      </div>
    </li>
  );
}
