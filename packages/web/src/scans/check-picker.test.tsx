import type { CheckInfo } from '@cloudsweep/contract';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { Selection } from '../ui/multi-select.js';
import { CheckPicker } from './check-picker.js';

function check(id: string, title: string, kind = 'security', severity = 'high'): CheckInfo {
  return { id, title, kind, severity, service: id.split('.')[0] ?? '', description: 'd', remediation: { text: 'r', url: '' }, compliance: [] };
}

const CHECKS = [
  check('ec2.ebs-volume-encrypted', 'EBS volumes are encrypted'),
  check('ec2.volume-attached', 'EBS volumes are attached', 'cost', 'low'),
  check('iam.root-mfa', 'The root user has MFA', 'security', 'critical'),
  check('s3.bucket-encryption', 'S3 buckets encrypt at rest', 'security', 'medium'),
];

function Harness({ initial, onChange }: { initial: Selection; onChange?: (v: Selection) => void }) {
  const [value, setValue] = useState<Selection>(initial);
  return <CheckPicker checks={CHECKS} value={value} onChange={(v) => { setValue(v); onChange?.(v); }} />;
}

const listed = (): string[] => screen.getAllByRole('checkbox').filter((c) => !(c.parentElement?.textContent ?? '').startsWith('All checks'))
  .map((c) => c.parentElement?.textContent ?? '');

describe('CheckPicker', () => {
  it('starts on All checks, counting the catalogue; unticking it lists every check', async () => {
    const onChange = vi.fn();
    render(<Harness initial="all" onChange={onChange} />);
    const all = screen.getByRole('checkbox', { name: /All checks \(4 security and cost checks\)/ }) as HTMLInputElement;
    expect(all.checked).toBe(true);
    await userEvent.click(all);
    expect(onChange).toHaveBeenLastCalledWith([]);
    expect(listed()).toHaveLength(4);
  });

  it('searches titles, ids, services and kinds; Enter picks the first match', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Harness initial={[]} onChange={onChange} />);
    const search = screen.getByRole('searchbox', { name: 'Search checks' });
    await user.type(search, 'cost');
    expect(listed()).toEqual(['EBS volumes are attached ec2.volume-attached · cost · low']);
    await user.clear(search);
    await user.type(search, 'encrypt');
    expect(listed()).toHaveLength(2);
    await user.keyboard('{Enter}');
    expect(onChange).toHaveBeenLastCalledWith(['ec2.ebs-volume-encrypted']);
    await user.type(search, 'iam.');
    await user.keyboard('{Enter}');
    expect(onChange).toHaveBeenLastCalledWith(['ec2.ebs-volume-encrypted', 'iam.root-mfa']);
    expect(screen.getByRole('list', { name: 'Selected checks' }).textContent).toContain('iam.root-mfa');
  });

  it('keeps the catalogue order whatever the picking order, and removes from a chip', async () => {
    const onChange = vi.fn();
    render(<Harness initial={['s3.bucket-encryption']} onChange={onChange} />);
    await userEvent.click(screen.getByRole('checkbox', { name: /The root user has MFA/ }));
    expect(onChange).toHaveBeenLastCalledWith(['iam.root-mfa', 's3.bucket-encryption']);
    await userEvent.click(screen.getByRole('button', { name: 'Remove s3.bucket-encryption' }));
    expect(onChange).toHaveBeenLastCalledWith(['iam.root-mfa']);
  });

  it('says when nothing matches and shows a skeleton while the catalogue loads', async () => {
    const { unmount } = render(<Harness initial={[]} />);
    await userEvent.type(screen.getByRole('searchbox'), 'lambda');
    expect(screen.getByText(/No check matches “lambda”/)).toBeTruthy();
    unmount();
    render(<CheckPicker checks={undefined} value={[]} onChange={() => {}} />);
    expect(screen.getByRole('status', { name: 'Loading checks' })).toBeTruthy();
  });
});
