import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { RegionPicker, type RegionSelection } from './region-picker.js';

// GET /api/regions answers the engine's list; the picker takes whatever it is given.
const REGIONS = [
  'af-south-1', 'ap-east-1', 'ap-northeast-1', 'ap-northeast-2', 'ap-south-1', 'ap-southeast-1', 'ap-southeast-2', 'ca-central-1',
  'eu-central-1', 'eu-central-2', 'eu-north-1', 'eu-south-1', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'sa-east-1', 'us-east-1',
  'us-east-2', 'us-west-1', 'us-west-2',
];

function Harness({ initial, onChange }: { initial: RegionSelection; onChange?: (v: RegionSelection) => void }) {
  const [value, setValue] = useState<RegionSelection>(initial);
  return <RegionPicker regions={REGIONS} value={value} onChange={(v) => { setValue(v); onChange?.(v); }} />;
}

const visibleRegions = (): string[] =>
  screen.getAllByRole('checkbox').filter((c) => !(c.parentElement?.textContent ?? '').startsWith('All regions')).map((c) => c.parentElement?.textContent ?? '');

describe('RegionPicker', () => {
  it('starts on All regions with no list; unticking it shows the searchable list', async () => {
    const onChange = vi.fn();
    render(<Harness initial="all" onChange={onChange} />);
    const all = screen.getByRole('checkbox', { name: /All regions/ }) as HTMLInputElement;
    expect(all.checked).toBe(true);
    expect(screen.queryByRole('searchbox')).toBeNull();
    await userEvent.click(all);
    expect(onChange).toHaveBeenLastCalledWith([]);
    expect(screen.getByRole('searchbox', { name: 'Search regions' })).toBeTruthy();
    expect(visibleRegions()).toHaveLength(REGIONS.length);
  });

  it('filters by code or city as you type, and Enter picks the first match', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Harness initial={[]} onChange={onChange} />);
    const search = screen.getByRole('searchbox', { name: 'Search regions' });
    await user.type(search, 'frankfurt');
    expect(visibleRegions()).toEqual(['eu-central-1 (Frankfurt)']);
    await user.keyboard('{Enter}');
    expect(onChange).toHaveBeenLastCalledWith(['eu-central-1']);
    expect((search as HTMLInputElement).value).toBe('');
    await user.type(search, 'us-west');
    expect(visibleRegions()).toEqual(['us-west-1 (N. California)', 'us-west-2 (Oregon)']);
    await user.keyboard('{Enter}');
    expect(onChange).toHaveBeenLastCalledWith(['eu-central-1', 'us-west-1']);
    expect(screen.getByRole('list', { name: 'Selected regions' }).textContent).toContain('us-west-1');
  });

  it('shows a skeleton while the region list loads', async () => {
    render(<RegionPicker regions={undefined} value={[]} onChange={() => {}} />);
    expect(screen.getByRole('status', { name: 'Loading regions' })).toBeTruthy();
    expect(screen.queryByRole('searchbox')).toBeNull();
  });

  it('says when nothing matches', async () => {
    render(<Harness initial={[]} />);
    await userEvent.type(screen.getByRole('searchbox'), 'mars');
    expect(screen.getByText(/No region matches/)).toBeTruthy();
  });

  it('moves into the list with the Down arrow and toggles with Space', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Harness initial={[]} onChange={onChange} />);
    await user.type(screen.getByRole('searchbox'), 'eu-west');
    await user.keyboard('{ArrowDown}');
    const first = screen.getByRole('checkbox', { name: 'eu-west-1 (Ireland)' });
    expect(document.activeElement).toBe(first);
    await user.keyboard(' ');
    expect(onChange).toHaveBeenLastCalledWith(['eu-west-1']);
  });

  it('removes a selected region from its chip', async () => {
    const onChange = vi.fn();
    render(<Harness initial={['eu-west-1', 'us-east-1']} onChange={onChange} />);
    await userEvent.click(screen.getByRole('button', { name: 'Remove eu-west-1' }));
    expect(onChange).toHaveBeenLastCalledWith(['us-east-1']);
    expect((screen.getByRole('checkbox', { name: 'eu-west-1 (Ireland)' }) as HTMLInputElement).checked).toBe(false);
  });
});
