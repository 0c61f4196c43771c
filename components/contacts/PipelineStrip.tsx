import { STATUSES, type Status } from '../../model/schemas';
import { i18n } from '../../model/i18n';
import { statusLabel } from '../labels';

interface Props {
  counts: Record<Status, number>;
  active?: Status;
  onSelect(status: Status | undefined): void;
}

/** How many contacts are at each stage; a stage filters the list, a second press clears it. */
export function PipelineStrip({ counts, active, onSelect }: Props) {
  return (
    <div className="pipeline" role="group" aria-label={i18n.t('contacts.pipeline')}>
      {STATUSES.map((status) => (
        <button
          key={status}
          type="button"
          className={`stage ${status}`}
          aria-pressed={active === status}
          aria-label={`${statusLabel(status)}: ${counts[status]}`}
          onClick={() => onSelect(active === status ? undefined : status)}
        >
          <span className="stage-count">{counts[status]}</span>
          <span className="stage-label">{statusLabel(status)}</span>
        </button>
      ))}
    </div>
  );
}
