import { describe, expect, it } from 'vitest';
import { memoryWriter } from './sink.js';
import { defaultResults, feed, result, summary } from './sink-test-kit.js';
import { findingLines, createTableSink } from './table-sink.js';
import { summaryLines } from './summary-text.js';
import { issue } from './sink-test-kit.js';

describe('table', () => {
  it('groups failed and unknown results by severity, most severe first, and leaves passes out', () => {
    const lines = findingLines([
      result({ severity: 'low', resourceId: 'vol-low' }),
      result({ severity: 'critical', resourceId: 'vol-crit', status: 'unknown' }),
      result({ severity: 'low', resourceId: 'vol-low-2' }),
    ]);
    const text = lines.join('\n');
    expect(text.indexOf('CRITICAL (1)')).toBeLessThan(text.indexOf('LOW (2)'));
    expect(text).toMatch(/UNKNOWN\s+ec2\.volume-attached\s+eu-west-1\s+vol-crit/);
    expect(text).toContain('$8.80/mo');
  });

  it('ends with a summary naming counts, savings, API use, issues, skipped regions', async () => {
    const out = memoryWriter();
    await feed(createTableSink(out), defaultResults());
    const text = out.text();
    expect(text).not.toContain('vol-2');
    expect(text).toMatch(/Results\s+1 failed, 1 unknown, 1 passed/);
    expect(text).toMatch(/Monthly savings\s+\$8\.80/);
    expect(text).toMatch(/API calls\s+6 \(1 retry, 0 throttled, 1 error\)/);
    expect(text).toContain('ec2.volumes in us-east-1: Could not list EBS volumes');
    expect(text).toContain('ap-east-1: ap-east-1 is not enabled');
    expect(text).not.toContain('INCOMPLETE');
  });

  it('says so when nothing needs attention, and marks an incomplete scan', () => {
    expect(findingLines([])).toEqual(['No failed or unknown results.']);
    expect(summaryLines(summary({ incomplete: true }), [issue]).at(-1)).toMatch(/^INCOMPLETE/);
  });
});
