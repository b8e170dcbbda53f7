import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ErrorCard } from './error-card.js';

const details = { awsErrorCode: 'AccessDenied', requestId: 'req-123', service: 'ec2', region: 'eu-west-1', attempt: 3, stack: 'Error: at x.ts:1' };

describe('ErrorCard', () => {
  it('shows the title and the message for people, with the details folded away', () => {
    render(<ErrorCard title="The scan failed" message="Cloudsweep was not allowed to list EC2 volumes." details={details} />);
    expect(screen.getByRole('alert', { name: 'The scan failed' })).toBeTruthy();
    expect(screen.getByText('Cloudsweep was not allowed to list EC2 volumes.')).toBeTruthy();
    const toggle = screen.getByRole('button', { name: 'Technical details' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByText('AccessDenied')).toBeNull();
  });

  it('expands and collapses the structured details with the keyboard, never showing a stack', async () => {
    const user = userEvent.setup();
    render(<ErrorCard title="The scan failed" message="Denied." details={details} />);
    await user.tab();
    const toggle = screen.getByRole('button', { name: 'Technical details' });
    expect(document.activeElement).toBe(toggle);
    await user.keyboard('{Enter}');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const terms = screen.getAllByRole('term').map((t) => t.textContent);
    expect(terms).toEqual(['AWS error code', 'Request id', 'Service', 'Region', 'Attempt']);
    expect(screen.getByText('AccessDenied')).toBeTruthy();
    expect(screen.getByText('req-123')).toBeTruthy();
    expect(screen.getByText('3')).toBeTruthy();
    expect(screen.queryByText(/x\.ts/)).toBeNull();
    await user.keyboard(' ');
    expect(screen.queryByText('AccessDenied')).toBeNull();
  });

  it('calls onRetry and shows progress while retrying', async () => {
    const onRetry = vi.fn();
    const { rerender } = render(<ErrorCard title="Failed" message="m" onRetry={onRetry} />);
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
    rerender(<ErrorCard title="Failed" message="m" onRetry={onRetry} retrying />);
    expect((screen.getByRole('button', { name: 'Retrying…' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('has no details toggle when there is nothing technical to show', () => {
    render(<ErrorCard title="Failed" message="m" details={null} />);
    expect(screen.queryByRole('button', { name: 'Technical details' })).toBeNull();
  });
});
