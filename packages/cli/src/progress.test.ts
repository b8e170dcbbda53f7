import type { ScanEvent } from '@cloudsweep/engine';
import { describe, expect, it } from 'vitest';
import { plan } from './format/sink-test-kit.js';
import { createProgress, progressBar, progressLine } from './progress.js';

function progress(done: number, total: number, phase: 'collecting' | 'done' = 'collecting'): ScanEvent {
  return { type: 'progress', done, total, phase, task: 'ec2.volumes@eu-west-1', resources: 10, apiCalls: done * 3 };
}

function harness(isTTY: boolean) {
  let clock = 0;
  const writes: string[] = [];
  const reporter = createProgress({ write: (t) => writes.push(t), isTTY, columns: 100, now: () => clock });
  return { reporter, writes, tick: (ms: number) => (clock += ms) };
}

describe('progress', () => {
  it('draws a bar with counts, the task, resources and API calls', () => {
    expect(progressBar(5, 10, 10)).toBe('[#####.....]');
    expect(progressBar(0, 0, 4)).toBe('[####]');
    expect(progressLine({ done: 120, total: 510, task: 'eu-west-1 ec2.volumes', resources: 830, calls: 1204 }, 200)).toBe(
      '[####................] 120/510 tasks  eu-west-1 ec2.volumes  resources 830  calls 1204',
    );
    expect(progressLine({ done: 1, total: 2, task: 'x', resources: 0, calls: 0 }, 10)).toHaveLength(9);
  });

  it('on a terminal redraws one line at most every 100 ms, and clears it when stopped', () => {
    const { reporter, writes, tick } = harness(true);
    reporter.observe({ type: 'planned', plan: { ...plan, totalTasks: 100 } });
    for (let i = 1; i <= 50; i++) {
      reporter.observe(progress(i, 100));
      tick(10);
    }
    expect(writes.length).toBeGreaterThan(3);
    expect(writes.length).toBeLessThan(10);
    expect(writes.every((w) => w.startsWith('\r') && !w.includes('\n'))).toBe(true);
    reporter.observe(progress(100, 100, 'done'));
    expect(writes.at(-1)).toContain('100/100 tasks');
    expect(writes.at(-1)).toContain('calls 300');
    reporter.stop();
    expect(writes.at(-1)).toBe('\r\x1b[K');
  });

  it('off a terminal writes plain lines: the plan, 10% steps no closer than 3 s, and the end', () => {
    const { reporter, writes, tick } = harness(false);
    reporter.observe({ type: 'planned', plan: { ...plan, totalTasks: 100 } });
    for (let i = 1; i < 100; i++) {
      reporter.observe(progress(i, 100));
      tick(i < 50 ? 10 : 1_000);
    }
    reporter.observe(progress(100, 100, 'done'));
    expect(writes[0]).toBe('Scanning account 123456789012: 2 regions, 1 check, 100 tasks\n');
    expect(writes.at(-1)).toMatch(/^Collected 100\/100 tasks \(100%\), \d+ resources, calls 300\n$/);
    expect(writes.length).toBeGreaterThan(3);
    expect(writes.length).toBeLessThanOrEqual(12);
    expect(writes.every((w) => w.endsWith('\n') && !w.includes('\r'))).toBe(true);
  });
});
