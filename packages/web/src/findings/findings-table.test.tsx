import type { Finding } from '@cloudsweep/contract';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { FindingsTable } from './findings-table.js';

function finding(id: number, overrides: Partial<Finding> = {}): Finding {
  return {
    id, scanId: 's1', fingerprint: `fp${id}`, checkId: 'ec2.volume-attached', title: `Finding ${id}`, kind: 'cost', severity: 'low',
    status: 'fail', service: 'ec2', region: 'eu-west-1', resourceArn: `arn:aws:ec2:eu-west-1:123456789012:volume/vol-${id}`,
    resourceType: 'AWS::EC2::Volume', resourceId: `vol-${id}`, message: `Unattached volume ${id}`,
    savings: { monthlyUsd: 8, basis: '100 GiB gp3' }, description: 'd', remediation: { text: 'r', url: 'https://docs.aws.amazon.com/' }, compliance: [],
    ...overrides,
  };
}

const base = {
  loading: false, nextCursor: 'cursor-2', hasPrevious: false, pageNumber: 1, sort: 'severity' as const, order: undefined,
  onNext: () => {}, onPrevious: () => {}, onSort: () => {}, onSelect: () => {}, filtered: false,
};

describe('FindingsTable', () => {
  it('shows a skeleton while the first page loads', () => {
    render(<FindingsTable {...base} items={undefined} loading />);
    expect(screen.getByRole('status', { name: 'Loading findings' })).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('renders one row per finding with severity, status, resource and region', () => {
    render(<FindingsTable {...base} items={[finding(1, { severity: 'high' }), finding(2)]} />);
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]?.textContent).toContain('high');
    expect(rows[0]?.textContent).toContain('vol-1');
    expect(rows[1]?.textContent).toContain('eu-west-1');
  });

  it('pages forward with the page’s cursor and back through the caller', async () => {
    const onNext = vi.fn();
    const onPrevious = vi.fn();
    const { rerender } = render(<FindingsTable {...base} items={[finding(1)]} onNext={onNext} onPrevious={onPrevious} />);
    const previous = screen.getByRole('button', { name: '← Previous' }) as HTMLButtonElement;
    expect(previous.disabled).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Next →' }));
    expect(onNext).toHaveBeenCalledWith('cursor-2');
    rerender(<FindingsTable {...base} items={[finding(51)]} nextCursor={null} hasPrevious pageNumber={2} onNext={onNext} onPrevious={onPrevious} />);
    expect(screen.getByText('Page 2')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Next →' }) as HTMLButtonElement).disabled).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: '← Previous' }));
    expect(onPrevious).toHaveBeenCalledTimes(1);
  });

  it('disables paging while the next page is on its way', () => {
    render(<FindingsTable {...base} items={[finding(1)]} hasPrevious fetching />);
    expect((screen.getByRole('button', { name: 'Next →' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: '← Previous' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('sorts from the column headers and marks the sorted column', async () => {
    const onSort = vi.fn();
    render(<FindingsTable {...base} items={[finding(1)]} onSort={onSort} />);
    expect(screen.getByRole('columnheader', { name: /Severity/ }).getAttribute('aria-sort')).toBe('descending');
    await userEvent.click(screen.getByRole('button', { name: /Severity/ }));
    expect(onSort).toHaveBeenLastCalledWith('severity', 'asc');
    await userEvent.click(screen.getByRole('button', { name: /Region/ }));
    expect(onSort).toHaveBeenLastCalledWith('region', 'asc');
  });

  it('opens a finding from the keyboard', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    render(<FindingsTable {...base} items={[finding(1), finding(2)]} onSelect={onSelect} selectedId={2} />);
    screen.getByRole('button', { name: 'Finding 1' }).focus();
    await user.keyboard('{Enter}');
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ id: 1 }));
    expect(screen.getByRole('button', { name: 'Finding 2' }).getAttribute('aria-expanded')).toBe('true');
  });

  it('says what to do when filters match nothing', async () => {
    const onClear = vi.fn();
    render(<FindingsTable {...base} items={[]} nextCursor={null} filtered onClearFilters={onClear} />);
    expect(screen.getByText('No findings match these filters.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(onClear).toHaveBeenCalled();
  });
});
