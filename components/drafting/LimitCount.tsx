import type { LimitCheck } from '../../drafting/limits';
import { i18n } from '../../model/i18n';
import { formatNumber } from '../format';


/** "245 / 300" against a place's limit, with a clear warning once past it. */
export function LimitCount({ id, label, check, place }: { id?: string; label: string; check: LimitCheck; place: string }) {
  const over = check.max !== undefined && check.over;
  return (
    <div id={id} className="limit-count" data-testid={`count-${label.toLowerCase()}`}>
      <span className={over ? (check.soft ? 'warn' : 'error') : 'muted'}>
        {label}: {formatNumber(check.count)}
        {check.max !== undefined ? ` / ${check.soft ? '~' : ''}${formatNumber(check.max)}` : ''}{' '}{i18n.t('drafting.characters')}</span>
      {/* Announced once when crossing the limit, not on every keystroke. */}
      <span role="status" className={check.soft ? 'warn' : 'error'}>
        {over &&
          (check.soft
            ? i18n.t('drafting.longerThanAboutMany', { number: formatNumber(check.max!) })
            : i18n.t('drafting.overTheLimitShorten', { number: formatNumber(-check.remaining!), place }))}
      </span>
    </div>
  );
}
