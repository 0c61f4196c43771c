/** Reply rate and median time to reply per template, channel or format, each with the number of messages it rests on. */
import type { Dimension } from '../../storage/overview-keys';
import { MIN_MESSAGES, type WorksTable } from '../../overview/what-works';
import { formatNumber, formatUnit } from '../format';
import { percent } from './FunnelChart';
import { i18n } from '../../model/i18n';

const HOUR = 3_600_000;

/** "5 hours", "3 days", in the browser's language. */
function duration(ms: number): string {
  const unit = ms < 48 * HOUR ? 'hour' : 'day';
  const value = unit === 'hour' ? Math.max(1, Math.round(ms / HOUR)) : Math.round(ms / (24 * HOUR));
  return formatUnit(value, unit);
}

export function WhatWorks({ dimension, table, label }: { dimension: Dimension; table: WorksTable; label(value: string): string }) {
  const caption = i18n.t(`overview.works.by.${dimension}`);
  return (
    <div className="overview-works">
      {table.rows.length === 0 ? (
        <p className="muted">
          {caption}: {i18n.t('overview.works.notEnough', { n: formatNumber(MIN_MESSAGES) })}
        </p>
      ) : (
        <table className="overview-table" data-testid={`works-${dimension}`}>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{i18n.t(`overview.works.column.${dimension}`)}</th>
              <th scope="col">{i18n.t('overview.works.column.replied')}</th>
              <th scope="col">{i18n.t('overview.works.column.median')}</th>
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.value}>
                <th scope="row">{label(row.value)}</th>
                <td>{i18n.t('overview.works.rate', { rate: percent(row.rate!), replied: formatNumber(row.replied), sent: formatNumber(row.sent) })}</td>
                <td>{row.medianMs === undefined ? i18n.t('overview.works.tooFewReplies') : duration(row.medianMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {table.held.groups > 0 && (
        <p className="muted small">
          {i18n.t('overview.works.held', table.held.groups, { n: formatNumber(table.held.groups), messages: formatNumber(table.held.messages), min: formatNumber(MIN_MESSAGES) })}
        </p>
      )}
    </div>
  );
}
