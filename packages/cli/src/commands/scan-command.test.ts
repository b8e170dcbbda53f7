import { describe, expect, it } from 'vitest';
import { summary } from '../format/sink-test-kit.js';
import { exitCodeOf } from './scan-command.js';

describe('exit code', () => {
  const lowFail = summary({ failBySeverity: { critical: 0, high: 0, medium: 0, low: 1, info: 0 } });

  it('is 0 without --fail-on, whatever was found', () => {
    expect(exitCodeOf(lowFail, undefined, false)).toBe(0);
  });

  it('is 1 for a failure at or above the threshold, 0 below it', () => {
    expect(exitCodeOf(lowFail, 'low', false)).toBe(1);
    expect(exitCodeOf(lowFail, 'info', false)).toBe(1);
    expect(exitCodeOf(lowFail, 'medium', false)).toBe(0);
  });

  it('is 3 for a scan that did not finish, unless a finding at or above the threshold makes it 1', () => {
    const stopped = summary({ ...lowFail, incomplete: true });
    expect(exitCodeOf(stopped, undefined, false)).toBe(3);
    expect(exitCodeOf(stopped, 'medium', false)).toBe(3);
    expect(exitCodeOf(stopped, 'low', false)).toBe(1);
    expect(exitCodeOf(stopped, 'low', true)).toBe(130);
  });

  it('never counts unknown results, and 130 wins after an interrupt', () => {
    const onlyUnknown = summary({ results: { pass: 0, fail: 0, unknown: 5 }, failBySeverity: { critical: 0, high: 0, medium: 0, low: 0, info: 0 } });
    expect(exitCodeOf(onlyUnknown, 'info', false)).toBe(0);
    expect(exitCodeOf(lowFail, 'low', true)).toBe(130);
  });
});
