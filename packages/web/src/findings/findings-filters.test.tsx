import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { FindingsFilters } from './findings-filters.js';
import type { FindingsFilter } from './findings-url.js';

const none: FindingsFilter = { status: [], severity: [], kind: [], service: [], region: [], check: [], q: '' };

describe('FindingsFilters', () => {
  it('applies a checkbox at once', async () => {
    const onChange = vi.fn();
    render(<FindingsFilters value={{ ...none, severity: ['high'] }} onChange={onChange} />);
    await userEvent.click(screen.getByRole('checkbox', { name: 'critical' }));
    expect(onChange).toHaveBeenLastCalledWith({ severity: ['high', 'critical'] });
  });

  it('applies the text filters when Enter is pressed, splitting lists on commas', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<FindingsFilters value={none} onChange={onChange} />);
    await user.type(screen.getByRole('textbox', { name: 'Services' }), 's3, ec2');
    expect(onChange).not.toHaveBeenCalled();
    await user.type(screen.getByRole('searchbox', { name: 'Resource contains' }), 'prod-{Enter}');
    expect(onChange).toHaveBeenLastCalledWith({ q: 'prod-', service: ['s3', 'ec2'], region: [], check: [] });
  });
});
