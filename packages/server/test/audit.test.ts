import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { recordAudit } from '../src/audit/audit.service.js';
import { loadConfig } from '../src/config.js';
import { asUser, PASSWORD, postJson, RELAXED_LIMITS, signUp, type SignedInClient } from './auth-test-kit.js';
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from './test-databases.js';

interface Event {
  id: number;
  action: string;
  targetId: string | null;
  ip: string;
  userAgent: string;
  details: Record<string, unknown> | null;
}

describe.each(DATABASE_KINDS)('the audit log on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    app = await buildApp({ config: loadConfig(RELAXED_LIMITS), db: database.db });
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  async function events(client: SignedInClient, query = ''): Promise<{ events: Event[]; nextCursor: string | null }> {
    const response = await app.inject({ method: 'GET', url: `/api/audit${query}`, headers: { cookie: client.cookie } });
    expect(response.statusCode).toBe(200);
    return response.json();
  }

  it('records sign-up, sign-in, failed sign-in and sign-out, newest first, without the password', async () => {
    const client = await signUp(app, 'audited@example.com');
    await postJson(app, '/api/auth/login', { email: 'audited@example.com', password: 'wrong-password-123' }, { headers: { 'user-agent': 'probe/1' } });
    const login = await postJson(app, '/api/auth/login', { email: 'audited@example.com', password: PASSWORD });
    await app.inject({ method: 'POST', url: '/api/auth/logout', headers: asUser(client) });
    const second = { ...client, cookie: login.cookies.map((c) => `${c.name}=${c.value}`).join('; ') };
    const page = await events(second);
    expect(page.events.map((e) => e.action)).toEqual(['auth.sign_out', 'auth.sign_in', 'auth.sign_in_failed', 'auth.sign_up']);
    expect(page.events[2]).toMatchObject({ ip: '127.0.0.1', userAgent: 'probe/1', targetId: client.userId, details: { email: 'audited@example.com' } });
    expect(JSON.stringify(page)).not.toContain('wrong-password-123');
    expect(page.nextCursor).toBeNull();
  });

  it('records a failed sign-in for an unknown email with the attempted email and no user', async () => {
    await postJson(app, '/api/auth/login', { email: 'ghost@example.com', password: 'ghost-password-1' });
    const rows = await database.db.kysely.selectFrom('audit_events').selectAll().where('action', '=', 'auth.sign_in_failed').execute();
    const ghost = rows.find((r) => r.details?.includes('ghost@example.com'));
    expect(ghost).toMatchObject({ user_id: null });
    expect(ghost?.details).not.toContain('ghost-password-1');
  });

  it('shows each user only their own events', async () => {
    const a = await signUp(app, 'tenant-a@example.com');
    const b = await signUp(app, 'tenant-b@example.com');
    await recordAudit(database.db.kysely, { userId: a.userId, action: 'account.create', targetType: 'aws_account', targetId: 'acc-a', ip: '10.0.0.1', userAgent: 'x' });
    const seenByB = await events(b);
    expect(seenByB.events.map((e) => e.action)).toEqual(['auth.sign_up']);
    expect(seenByB.events.every((e) => e.targetId === b.userId)).toBe(true);
    expect((await events(a)).events.map((e) => e.action)).toEqual(['account.create', 'auth.sign_up']);
  });

  it('pages with an opaque keyset cursor, newest first, without gaps or repeats', async () => {
    const client = await signUp(app, 'pager@example.com');
    for (let i = 0; i < 6; i++) {
      await recordAudit(database.db.kysely, { userId: client.userId, action: 'scan.start', targetId: `scan-${i}`, ip: '::1', userAgent: '', details: { i } });
    }
    const seen: Event[] = [];
    let cursor: string | null = null;
    do {
      const page: { events: Event[]; nextCursor: string | null } = await events(client, `?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.events.length).toBeLessThanOrEqual(3);
      seen.push(...page.events);
      cursor = page.nextCursor;
      if (cursor) expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    } while (cursor);
    expect(seen.map((e) => e.targetId)).toEqual(['scan-5', 'scan-4', 'scan-3', 'scan-2', 'scan-1', 'scan-0', client.userId]);
    expect(seen[0]?.details).toEqual({ i: 5 });
    expect((await events(client, '?limit=7')).nextCursor).toBeNull();
  });

  it('answers a bad cursor, limit or unknown parameter with a 400 and a clear message', async () => {
    const client = await signUp(app, 'badquery@example.com');
    const cases: Array<[string, RegExp]> = [
      ['?cursor=zzz', /cursor is not valid/],
      [`?cursor=${Buffer.from('abc').toString('base64url')}`, /cursor is not valid/],
      [`?cursor=${Buffer.from('-1').toString('base64url')}`, /cursor is not valid/],
      ['?cursor=a%2Fb', /cursor is not valid/],
      [`?cursor=${'A'.repeat(100)}`, /cursor is not valid/],
      ['?limit=201', /at most 200/],
      ['?limit=0', /at least 1/],
      ['?limit=ten', /limit must be a number/],
      ['?limit=2.5', /whole number/],
      ['?order=asc', /Unknown field: order/],
    ];
    for (const [query, message] of cases) {
      const response = await app.inject({ method: 'GET', url: `/api/audit${query}`, headers: { cookie: client.cookie } });
      expect({ query, status: response.statusCode }).toEqual({ query, status: 400 });
      expect(response.json().error.message).toMatch(message);
    }
  });
});
