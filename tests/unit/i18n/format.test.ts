// @vitest-environment node (no DOM reached: see vitest.config.ts)
// Dates, numbers and stored enum values are shown in the browser's language, not always in English.
import { describe, expect, it } from 'vitest';
import { formatDate, formatDay, formatNumber, formatRelativeDays } from '../../../components/format';
import { channelLabel, statusLabel } from '../../../components/labels';
import { useLocale } from '../locale-messages';

const MARCH_4 = new Date(2026, 2, 4, 15, 5).getTime();

describe('formatting in the browser language', () => {
  it('writes English as date-fns did', () => {
    expect(formatDay(MARCH_4)).toBe('Mar 4');
    expect(formatDate(MARCH_4)).toBe('Mar 4, 2026');
    expect(formatNumber(12345)).toBe('12,345');
    expect(formatRelativeDays(3)).toBe('in 3 days');
    expect(statusLabel('awaiting_reply')).toBe('Awaiting reply');
  });

  it('writes Spanish dates, numbers and labels in a Spanish browser', async () => {
    await useLocale('es');
    expect(formatDay(MARCH_4)).toBe('4 mar');
    expect(formatDate(MARCH_4)).toMatch(/^4 mar 2026$/);
    expect(formatNumber(12345.5)).toBe('12.345,5');
    expect(formatRelativeDays(1)).toBe('mañana');
    expect(statusLabel('awaiting_reply')).toBe('Esperando respuesta');
    expect(channelLabel('in_person')).toBe('En persona');
  });
});
