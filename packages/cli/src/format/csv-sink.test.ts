import { describe, expect, it } from 'vitest';
import { parseCsv } from '@cloudsweep/engine';
import { CSV_COLUMNS } from '@cloudsweep/engine';
import { createCsvSink } from './csv-sink.js';
import { memoryWriter } from './sink.js';
import { defaultResults, feed, result } from './sink-test-kit.js';

describe('csv', () => {
  it('a hostile resource name reaches the CSV only as text', async () => {
    const out = memoryWriter();
    const hostile = result({ resourceId: '=cmd|\' /C calc\'!A0', message: '@SUM(1+1)*cmd' });
    await feed(createCsvSink(out), [hostile]);
    const row = parseCsv(out.text())[1] ?? [];
    expect(row[CSV_COLUMNS.indexOf('resource_id')]).toBe("'=cmd|' /C calc'!A0");
    expect(row[CSV_COLUMNS.indexOf('message')]).toBe("'@SUM(1+1)*cmd");
    expect(row[CSV_COLUMNS.indexOf('status')]).toBe('fail');
  });

  it('writes a header and one row per result that parse back to the same values', async () => {
    const out = memoryWriter();
    await feed(createCsvSink(out));
    const rows = parseCsv(out.text());
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(1 + defaultResults().length);
    const records = rows.slice(1).map((r) => Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, r[i]])));
    expect(records.map((r) => r['status'])).toEqual(['fail', 'pass', 'unknown']);
    expect(records[0]?.['monthly_savings_usd']).toBe('8.80');
    expect(records[2]?.['message']).toBe('Could not list, "quoted", volumes\nsecond line');
    expect(out.text().endsWith('\r\n')).toBe(true);
  });
});
