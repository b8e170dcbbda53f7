import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ScanStatusIndicator } from './scan-status-indicator.js';

describe('ScanStatusIndicator', () => {
  it.each([
    ['idle', 'Not started'],
    ['queued', 'Queued'],
    ['running', 'Running'],
    ['completed', 'Completed'],
    ['failed', 'Failed'],
    ['cancelled', 'Cancelled'],
  ] as const)('names the %s state in a live region', (status, label) => {
    render(<ScanStatusIndicator status={status} />);
    expect(screen.getByRole('status').textContent).toContain(label);
  });

  it('shows tasks done of total and the phase while running, with a progress bar', () => {
    render(<ScanStatusIndicator status="running" progress={{ done: 12, total: 48, phase: 'collecting' }} transport="live" />);
    expect(screen.getByRole('status').textContent).toContain('12 of 48 tasks · collecting');
    const bar = screen.getByRole('progressbar', { name: 'Scan progress 25%' });
    expect(bar.getAttribute('value')).toBe('12');
    expect(bar.getAttribute('max')).toBe('48');
    expect(screen.queryByText(/Live updates are unavailable/)).toBeNull();
  });

  it('says "Planning" before the total is known', () => {
    render(<ScanStatusIndicator status="queued" progress={{ done: 0, total: 0, phase: '' }} />);
    const text = screen.getByRole('status').textContent;
    expect(text).toContain('Queued');
    expect(text).toContain('Planning');
  });

  it('says so when it fell back to polling', () => {
    render(<ScanStatusIndicator status="running" progress={{ done: 1, total: 2, phase: 'checks' }} transport="polling" />);
    expect(screen.getByRole('note').textContent).toContain('Live updates are unavailable; checking for progress every few seconds instead.');
  });

  it('drops the progress bar and the polling notice once the scan ended', () => {
    render(<ScanStatusIndicator status="completed" progress={{ done: 48, total: 48, phase: 'done' }} counts={{ pass: 30, fail: 5, unknown: 1 }} transport="polling" />);
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.queryByRole('note')).toBeNull();
    expect(screen.getByText('5 failing · 30 passing · 1 unknown')).toBeTruthy();
  });
});
