import type { LimitCheck } from '../../drafting/limits';

const number = new Intl.NumberFormat();

/** "245 / 300" against a place's limit, with a clear warning once past it. */
export function LimitCount({ id, label, check, place }: { id?: string; label: string; check: LimitCheck; place: string }) {
  const over = check.max !== undefined && check.over;
  return (
    <div id={id} className="limit-count" data-testid={`count-${label.toLowerCase()}`}>
      <span className={over ? (check.soft ? 'warn' : 'error') : 'muted'}>
        {label}: {number.format(check.count)}
        {check.max !== undefined ? ` / ${check.soft ? '~' : ''}${number.format(check.max)}` : ''} characters
      </span>
      {/* Announced once when crossing the limit, not on every keystroke. */}
      <span role="status" className={check.soft ? 'warn' : 'error'}>
        {over &&
          (check.soft
            ? ` Longer than about ${number.format(check.max!)}: many mail programs cut it.`
            : ` ${number.format(-check.remaining!)} over the ${place} limit: shorten it before you paste it.`)}
      </span>
    </div>
  );
}
