import type { Scan } from '@cloudsweep/contract';
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithQueries, stubFetch } from '../test-kit.js';
import { AccountPage } from './account-page.js';

const account = {
  id: 'a1', name: 'Production', mode: 'keys', sample: false, awsAccountId: '123456789012', roleArn: null, externalId: null,
  accessKeyId: 'AKIA************MPLE', verifiedAt: null, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
};

function scan(id: string, day: number, fail: number): Scan {
  const at = `2026-01-0${day}T00:00:00Z`;
  return {
    id, accountId: 'a1', status: 'completed', regions: ['eu-west-1'], checks: null, attempt: 1, retryOf: null, cached: false,
    progress: { done: 1, total: 1, phase: '' }, warnings: [], error: null, startedBy: { id: 'u', email: 'u@example.com' },
    summary: {
      awsAccountId: '123456789012', regions: ['eu-west-1'], resources: 9, durationMs: 10, byStatus: { pass: 4, fail, unknown: 0 },
      bySeverity: { high: fail }, byService: { s3: { pass: 4, fail, unknown: 0 } }, byRegion: { 'eu-west-1': { pass: 4, fail, unknown: 0 } },
      monthlySavingsUsd: 12.5, incomplete: false,
    },
    createdAt: at, startedAt: at, completedAt: at, updatedAt: at,
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('AccountPage', () => {
  it('shows the latest completed scan as the overview, with charts, the trend and the changes', async () => {
    stubFetch((url) => {
      if (url.pathname === '/api/accounts/a1') return account;
      if (url.pathname === '/api/accounts/a1/scans') return { scans: [scan('s2', 2, 3), scan('s1', 1, 5)], nextCursor: null };
      if (url.pathname === '/api/scans/s2/diff') return { scanId: 's2', previousScanId: 's1', counts: { new: 1, resolved: 3, unchanged: 2 }, kind: 'new', items: [], nextCursor: null };
      if (url.pathname === '/api/regions') return { regions: ['eu-west-1'] };
      return { checks: [] };
    });
    renderWithQueries(<AccountPage accountId="a1" />);
    expect(await screen.findByRole('heading', { name: /Overview/ })).toBeTruthy();
    expect(screen.getByText('$12.50')).toBeTruthy();
    const severity = screen.getByRole('figure', { name: 'Failing by severity' });
    expect(within(severity).getByRole('row', { name: /high/ }).textContent).toContain('3');
    expect(screen.getByText('Failing findings fell from 5 to 3 over the last 2 scans.')).toBeTruthy();
    expect(await screen.findByText(/still failing since/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Show in the overview' }).getAttribute('href')).toBe('?scan=s1');
  });
});
