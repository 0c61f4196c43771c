/**
 * R1: LinkedIn's Connections.csv opened and saved again in Excel imports: US Excel's `8/14/2024`, European Excel's
 * `;` separators and `14/08/2024`, each read as the same days as LinkedIn's own `14 Aug 2024`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { numericDayOrder, parseDay } from '../../../portability/dates';
import { admitFile } from '../../../portability/detect';
import { parseConnections, parseConnectionsAsync } from '../../../portability/linkedin-connections';
import { say } from '../../../model/user-text';

const original = readFileSync(resolve(import.meta.dirname, '../../fixtures/imports/Connections.csv'), 'utf8');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** What Excel writes back: the same cells, its own date format and separator. */
function resaved(order: 'mdy' | 'dmy', separator: ',' | ';'): string {
  const dated = original.replace(/\b(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4})\b/g, (_, d: string, mon: string, y: string) => {
    const m = MONTHS.indexOf(mon) + 1;
    return order === 'mdy' ? `${m}/${Number(d)}/${y}` : `${d.padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
  });
  if (separator === ',') return dated;
  // Re-separate every line outside quotes, as Excel does; cells holding `;` get quoted.
  return dated
    .split('\n')
    .map((line) => {
      let out = '';
      let quoted = false;
      for (const ch of line) {
        if (ch === '"') quoted = !quoted;
        out += ch === ',' && !quoted ? ';' : ch;
      }
      return out;
    })
    .join('\n');
}

const days = (text: string) => parseConnections(text).incoming.map((i) => i.draft.connectedOn);

describe('Excel-resaved Connections.csv', () => {
  const expected = days(original);

  it('R1: US Excel (8/14/2024) reads the same days as the original', () => {
    const text = resaved('mdy', ',');
    expect(text).toContain('8/14/2024');
    const parsed = parseConnections(text);
    expect(parsed.issues).toEqual([]);
    expect(parsed.incoming.map((i) => i.draft.connectedOn)).toEqual(expected);
  });

  it('R1: European Excel (; and 14/08/2024) is recognised as LinkedIn’s and reads the same days', async () => {
    const text = resaved('dmy', ';');
    expect(text).toContain('First Name;Last Name;URL');
    expect(admitFile({ name: 'Connections.csv', size: text.length, head: text })).toEqual({ ok: true, kind: 'connections' });
    const parsed = await parseConnectionsAsync(text);
    expect(parsed.issues).toEqual([]);
    expect(parsed.incoming.map((i) => i.draft.connectedOn)).toEqual(expected);
    expect(parsed.incoming.map((i) => i.draft.fullName)).toEqual(parseConnections(original).incoming.map((i) => i.draft.fullName));
  });

  it('R1: the order comes from the dates themselves, else from the separator; contradictions are refused', () => {
    expect(numericDayOrder(['3/4/2024', '8/14/2024'], ';')).toBe('mdy');
    expect(numericDayOrder(['3/4/2024', '14/8/2024'], ',')).toBe('dmy');
    expect(numericDayOrder(['3/4/2024'], ',')).toBe('mdy');
    expect(numericDayOrder(['3/4/2024'], ';')).toBe('dmy');
    expect(numericDayOrder(['14/8/2024', '8/14/2024'], ',')).toBeUndefined();
    expect(parseDay('8/14/24', 'mdy')).toBe('2024-08-14');
    expect(parseDay('31/02/2024', 'dmy')).toBeUndefined();
    expect(parseDay('08/14/2024')).toBeUndefined();
    const mixed = original.replace('14 Aug 2024', '8/14/2024').replace('30 Sep 2025', '30/9/2025');
    expect(say(parseConnections(mixed).issues[0]!.text)).toMatch(/mix day-first and month-first/);
  });
});
