/**
 * Messages sent and replies logged per week: paired columns in hand-drawn
 * SVG, with the same figures in a table for screen readers (and for anyone
 * who opens "Show the figures").
 */
import type { WeekActivity } from '../../storage/overview';
import { formatDay, formatNumber } from '../format';
import { i18n } from '../../model/i18n';

const HEIGHT = 60;
const COLUMN = 6;

export function WeeklyChart({ weeks }: { weeks: WeekActivity[] }) {
  const top = Math.max(1, ...weeks.map((w) => Math.max(w.sent, w.replies)));
  const width = weeks.length * (COLUMN * 2 + 4);
  const sent = weeks.reduce((a, w) => a + w.sent, 0);
  const replies = weeks.reduce((a, w) => a + w.replies, 0);
  return (
    <figure className="overview-weekly">
      <svg viewBox={`0 0 ${width} ${HEIGHT + 2}`} className="overview-weekly-chart" aria-hidden="true" focusable="false">
        {weeks.map((w, i) => {
          const x = i * (COLUMN * 2 + 4);
          const h = (n: number) => (n / top) * HEIGHT;
          return (
            <g key={w.start}>
              <rect x={x} y={HEIGHT - h(w.sent)} width={COLUMN} height={h(w.sent)} className="overview-bar-fill" />
              <rect x={x + COLUMN} y={HEIGHT - h(w.replies)} width={COLUMN} height={h(w.replies)} className="overview-bar-reply" />
            </g>
          );
        })}
        <line x1="0" x2={width} y1={HEIGHT + 1} y2={HEIGHT + 1} className="overview-axis" />
      </svg>
      <figcaption className="muted">
        <span className="overview-key overview-key-sent" aria-hidden="true" /> {i18n.t('overview.activity.sent')}{' '}
        <span className="overview-key overview-key-reply" aria-hidden="true" /> {i18n.t('overview.activity.replies')}
        {' — '}
        {i18n.t('overview.activity.summary', { weeks: formatNumber(weeks.length), sent: formatNumber(sent), replies: formatNumber(replies) })}
      </figcaption>
      <details>
        <summary>{i18n.t('overview.showFigures')}</summary>
        <table className="overview-table" data-testid="activity-table">
          <thead>
            <tr>
              <th scope="col">{i18n.t('overview.activity.week')}</th>
              <th scope="col">{i18n.t('overview.activity.sent')}</th>
              <th scope="col">{i18n.t('overview.activity.replies')}</th>
            </tr>
          </thead>
          <tbody>
            {weeks.map((w) => (
              <tr key={w.start}>
                <th scope="row">{formatDay(w.start)}</th>
                <td>{formatNumber(w.sent)}</td>
                <td>{formatNumber(w.replies)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
