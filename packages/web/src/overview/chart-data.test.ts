import type { Scan, ScanSummary } from '@cloudsweep/contract';
import { describe, expect, it } from 'vitest';
import { barPercent, breakdownRows, severityRows, trendRows, trendSentence } from './chart-data.js';

function summary(fail: number): ScanSummary {
  return {
    awsAccountId: '123456789012', regions: ['eu-west-1'], resources: 10, durationMs: 1000, byStatus: { pass: 5, fail, unknown: 0 },
    bySeverity: { high: fail }, byService: {}, byRegion: {}, monthlySavingsUsd: 0, incomplete: false,
  };
}

function scan(id: string, completedAt: string, fail: number | null, status: Scan['status'] = 'completed'): Scan {
  return {
    id, accountId: 'a1', status, regions: 'all', checks: null, attempt: 1, retryOf: null, cached: false, progress: { done: 1, total: 1, phase: '' },
    warnings: [], error: null, summary: fail === null ? null : summary(fail), startedBy: { id: 'u', email: 'u@example.com' },
    createdAt: completedAt, startedAt: completedAt, completedAt: status === 'completed' ? completedAt : null, updatedAt: completedAt,
  };
}

describe('chart data', () => {
  it('lists every severity worst first, zeros included, each linking to its failing findings', () => {
    const rows = severityRows('s1', { bySeverity: { critical: 2, low: 5 } });
    expect(rows.map((r) => [r.label, r.value])).toEqual([['critical', 2], ['high', 0], ['medium', 0], ['low', 5], ['info', 0]]);
    expect(rows[0]?.href).toBe('/scans/s1?status=fail&severity=critical');
  });

  it('orders services by failing, then by how much was checked, then by name, and folds the tail into one row', () => {
    const counts = {
      s3: { pass: 1, fail: 4, unknown: 0 }, ec2: { pass: 9, fail: 1, unknown: 0 }, iam: { pass: 1, fail: 1, unknown: 0 },
      rds: { pass: 1, fail: 1, unknown: 0 }, lambda: { pass: 3, fail: 0, unknown: 1 },
    };
    const rows = breakdownRows('s1', counts, 'service', 3);
    expect(rows.map((r) => r.label)).toEqual(['s3', 'ec2', 'iam', '2 more']);
    expect(rows.map((r) => r.value)).toEqual([4, 1, 1, 1]);
    expect(rows[3]).toMatchObject({ detail: '4 passing' });
    expect(rows[3]?.href).toBeUndefined();
    expect(rows[0]).toMatchObject({ detail: '1 passing', href: '/scans/s1?status=fail&service=s3' });
    expect(breakdownRows('s/1', { 'eu-west-1': { pass: 0, fail: 0, unknown: 0 } }, 'region')[0]?.href).toBe('/scans/s%2F1?status=fail&region=eu-west-1');
  });

  it('sizes bars relative to the largest, with a sliver for small non-zero values', () => {
    expect(barPercent(50, 100)).toBe(50);
    expect(barPercent(1, 1000)).toBe(2);
    expect(barPercent(0, 10)).toBe(0);
    expect(barPercent(3, 0)).toBe(0);
  });

  it('trends the failing count over completed scans only, oldest first, with each change', () => {
    const scans = [
      scan('s4', '2026-01-04T00:00:00Z', 7),
      scan('s3', '2026-01-03T00:00:00Z', null, 'failed'),
      scan('s2', '2026-01-02T00:00:00Z', 10),
      scan('s1', '2026-01-01T00:00:00Z', 10),
    ];
    const rows = trendRows(scans);
    expect(rows.map((r) => [r.key, r.value, r.detail])).toEqual([['s1', 10, undefined], ['s2', 10, 'no change'], ['s4', 7, '−3']]);
    expect(trendSentence(rows)).toBe('Failing findings fell from 10 to 7 over the last 3 scans.');
    expect(trendRows(scans, 2).map((r) => r.key)).toEqual(['s2', 's4']);
    expect(trendSentence([])).toBe('No completed scans yet.');
    expect(trendSentence(trendRows([scan('s1', '2026-01-01T00:00:00Z', 4)]))).toBe('One completed scan: 4 failing.');
    expect(trendSentence(trendRows([scan('a', '2026-01-01T00:00:00Z', 1), scan('b', '2026-01-02T00:00:00Z', 3)]))).toContain('rose from 1 to 3');
  });
});
