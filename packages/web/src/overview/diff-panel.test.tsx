import type { Finding, ScanDiff } from '@cloudsweep/contract';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { vi } from 'vitest';
import type { DiffKind } from '../api/findings.js';
import { renderWithQueries, stubFetch } from '../test-kit.js';
import { DiffPanel, findingHref } from './diff-panel.js';

function finding(id: number, scanId: string): Finding {
  return {
    id, scanId, fingerprint: `fp${id}`, checkId: 's3.bucket-encryption', title: `Finding ${id}`, kind: 'security', severity: 'high', status: 'fail',
    service: 's3', region: 'eu-west-1', resourceArn: `arn:aws:s3:::bucket-${id}`, resourceType: 'AWS::S3::Bucket', resourceId: `bucket-${id}`,
    message: 'm', savings: null, description: 'd', remediation: { text: 'r', url: '' }, compliance: [],
  };
}

const counts = { new: 3, resolved: 1, unchanged: 5 };

function diffOf(url: URL, previousScanId: string | null): ScanDiff {
  const kind = (url.searchParams.get('kind') ?? 'new') as ScanDiff['kind'];
  const cursor = url.searchParams.get('cursor');
  if (kind === 'resolved') return { scanId: 's2', previousScanId, counts, kind, items: [finding(9, 's1')], nextCursor: null };
  // Two pages of new findings: 2 then 1.
  const items = cursor ? [finding(3, 's2')] : [finding(1, 's2'), finding(2, 's2')];
  return { scanId: 's2', previousScanId, counts: previousScanId ? counts : { new: 3, resolved: 0, unchanged: 0 }, kind, items, nextCursor: cursor ? null : 'c2' };
}

function Harness() {
  const [kind, setKind] = useState<DiffKind>('new');
  return <DiffPanel scanId="s2" kind={kind} onKind={setKind} />;
}

afterEach(() => vi.unstubAllGlobals());

describe('DiffPanel', () => {
  it('shows a skeleton, then the counts with a link to the previous scan', async () => {
    stubFetch((url) => diffOf(url, 's1'));
    renderWithQueries(<Harness />);
    expect(screen.getByRole('status', { name: 'Loading changes' })).toBeTruthy();
    expect(await screen.findByText(/still failing since/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'the previous scan' }).getAttribute('href')).toBe('/scans/s1');
    expect(screen.getByRole('button', { name: 'New (3)' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('lists new findings linking into the filtered findings table, and shows more on request', async () => {
    const fetch = stubFetch((url) => diffOf(url, 's1'));
    renderWithQueries(<Harness />);
    const list = await screen.findByRole('list', { name: 'New findings' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(within(list).getByRole('link', { name: 'Finding 1' }).getAttribute('href')).toBe('/scans/s2?check=s3.bucket-encryption&q=bucket-1');
    await userEvent.click(screen.getByRole('button', { name: 'Show more' }));
    expect(await screen.findByRole('link', { name: 'Finding 3' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
    const urls = fetch.mock.calls.map(([u]) => String(u));
    expect(urls).toEqual(['/api/scans/s2/diff?kind=new&limit=10', '/api/scans/s2/diff?kind=new&limit=10&cursor=c2']);
  });

  it('switches to resolved findings, which link into the previous scan', async () => {
    stubFetch((url) => diffOf(url, 's1'));
    renderWithQueries(<Harness />);
    await userEvent.click(await screen.findByRole('button', { name: 'Resolved (1)' }));
    const list = await screen.findByRole('list', { name: 'Resolved findings' });
    expect(within(list).getByRole('link', { name: 'Finding 9' }).getAttribute('href')).toBe('/scans/s1?check=s3.bucket-encryption&q=bucket-9');
    expect(screen.getByRole('button', { name: 'Resolved (1)' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('explains a first scan, with no resolved tab', async () => {
    stubFetch((url) => diffOf(url, null));
    renderWithQueries(<Harness />);
    expect(await screen.findByText(/first completed scan of the account/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Resolved/ })).toBeNull();
  });

  it('says so when a request fails, in words', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ error: { code: 'not_found', message: 'No such scan', requestId: 'r' } }), { status: 404, headers: { 'content-type': 'application/json' } })));
    renderWithQueries(<Harness />);
    expect((await screen.findByRole('alert')).textContent).toContain('No such scan');
  });

  it('builds links that survive odd ids', () => {
    expect(findingHref({ scanId: 'a b', checkId: 'x.y', resourceId: 'r&1' })).toBe('/scans/a%20b?check=x.y&q=r%261');
  });
});
