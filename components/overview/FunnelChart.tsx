/**
 * The outreach funnel drawn as bars with their numbers on them. Each step is a
 * button (its name carries the figures) that opens exactly its contacts; the
 * bars are hand-drawn SVG, hidden from screen readers, which read the buttons
 * and the summary sentence instead.
 */
import type { FunnelBar, FunnelStep } from '../../overview/funnel';
import { formatNumber, formatPercent as percent } from '../format';
import { i18n } from '../../model/i18n';

export function stepLabel(step: FunnelStep): string {
  return i18n.t(`overview.funnel.step.${step}`);
}

export function FunnelChart({ bars, onOpen }: { bars: FunnelBar[]; onOpen(step: FunnelStep): void }) {
  const reached = bars[0]?.count ?? 0;
  return (
    <div className="overview-funnel">
      <p className="muted" data-testid="funnel-summary">
        {reached === 0
          ? i18n.t('overview.funnel.none')
          : i18n.t('overview.funnel.summary', {
              reached: formatNumber(reached),
              replied: formatNumber(bars[1]?.count ?? 0),
              share: percent(bars[1]?.ofReached ?? 0),
            })}
      </p>
      <ol className="overview-funnel-steps">
        {bars.map((bar) => (
          <li key={bar.step}>
            <button
              type="button"
              className="overview-funnel-step"
              data-step={bar.step}
              disabled={bar.count === 0}
              onClick={() => onOpen(bar.step)}
              aria-label={i18n.t('overview.funnel.open', bar.count, { step: stepLabel(bar.step), n: formatNumber(bar.count), share: percent(bar.ofReached) })}
            >
              <span className="overview-funnel-label">{stepLabel(bar.step)}</span>
              <svg className="overview-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                <rect x="0" y="0" width="100" height="10" className="overview-bar-track" />
                <rect x="0" y="0" width={Math.max(bar.count ? 1 : 0, bar.ofReached * 100)} height="10" className="overview-bar-fill" />
              </svg>
              <span className="overview-funnel-figure" aria-hidden="true">
                {formatNumber(bar.count)} <span className="muted">{percent(bar.ofReached)}</span>
              </span>
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}

export { percent };
