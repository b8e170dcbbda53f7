import type { AuditEvent } from '@cloudsweep/contract';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithQueries, stubFetch } from '../test-kit.js';
import { actionLabel, AuditPage } from './audit-page.js';

function event(id: number, overrides: Partial<AuditEvent> = {}): AuditEvent {
  return {
    id, action: 'auth.sign_in', targetType: 'user', targetId: 'u1', ip: '203.0.113.7', userAgent: 'Firefox/140', details: null,
    createdAt: new Date(Date.UTC(2026, 0, 1, 12, 0, id)).toISOString(), ...overrides,
  };
}

afterEach(() => vi.unstubAllGlobals());

const rows = (): HTMLElement[] => within(screen.getByRole('table')).getAllByRole('row').slice(1);

describe('AuditPage', () => {
  it('shows the first page with action, time, target, IP and user agent', async () => {
    stubFetch(() => ({ events: [event(2, { action: 'scan.start', targetType: 'scan', targetId: 's9' }), event(1)], nextCursor: null }));
    renderWithQueries(<AuditPage />);
    expect(screen.getByRole('status', { name: 'Loading the audit log' })).toBeTruthy();
    await screen.findByRole('table');
    expect(rows()).toHaveLength(2);
    expect(rows()[0]?.textContent).toContain('Started a scan');
    expect(within(rows()[0] as HTMLElement).getByRole('link', { name: 'scan s9' }).getAttribute('href')).toBe('/scans/s9');
    expect(rows()[1]?.textContent).toContain('203.0.113.7');
    expect(rows()[1]?.textContent).toContain('Firefox/140');
    expect(screen.getByText('2 events shown, the whole log.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('loads the next keyset page with the cursor, appends it and moves focus to the first new row', async () => {
    const fetch = stubFetch((url) =>
      url.searchParams.get('cursor') === 'c1'
        ? { events: [event(1)], nextCursor: null }
        : { events: [event(3), event(2)], nextCursor: 'c1' },
    );
    renderWithQueries(<AuditPage />);
    await userEvent.click(await screen.findByRole('button', { name: 'Load more' }));
    await screen.findByText('3 events shown, the whole log.');
    expect(rows()).toHaveLength(3);
    expect(document.activeElement).toBe(rows()[2]);
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    expect(fetch.mock.calls.map(([u]) => String(u))).toEqual(['/api/audit?limit=50', '/api/audit?limit=50&cursor=c1']);
  });

  it('says what to expect when there are no events', async () => {
    stubFetch(() => ({ events: [], nextCursor: null }));
    renderWithQueries(<AuditPage />);
    expect(await screen.findByText('No events yet.')).toBeTruthy();
  });

  it('names actions for people and falls back to the raw words', () => {
    expect(actionLabel('auth.sign_in_failed')).toBe('Failed sign-in');
    expect(actionLabel('account.rename')).toBe('Account rename');
  });
});
