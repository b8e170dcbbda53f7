import type { FastifyInstance } from 'fastify';
import { afterEach, beforeAll, afterAll, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { requireUser } from '../src/auth/require-user.js';
import { loadConfig } from '../src/config.js';
import { createScanStartLimit } from '../src/rate-limits.js';
import { asUser, PASSWORD, postJson, signUp } from './auth-test-kit.js';
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from './test-databases.js';

const LIMITS = { AUTH_RATE_LIMIT_PER_MINUTE: '3', RATE_LIMIT_PER_MINUTE: '1000', SCAN_RATE_LIMIT_PER_HOUR: '2' } as const;

describe.each(DATABASE_KINDS)('rate limits on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    database = await freshDatabase(kind);
  });

  afterAll(async () => {
    await database?.drop();
  });

  // A fresh app per test: the in-memory counters start at zero.
  beforeEach(async () => {
    app = await buildApp({ config: loadConfig(LIMITS), db: database.db });
  });

  afterEach(async () => {
    await app?.close();
  });

  function expectRateLimited(response: Awaited<ReturnType<typeof postJson>>): void {
    expect(response.statusCode).toBe(429);
    expect(Number(response.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(response.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(response.json().error).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/try again in \d+ seconds?/) });
  }

  it('limits sign-in per email even across IP addresses', async () => {
    const attempts = [];
    for (let i = 1; i <= 4; i++) {
      attempts.push(await postJson(app, '/api/auth/login', { email: 'Victim@example.com', password: `guess-${i}` }, { remoteAddress: `10.0.0.${i}` }));
    }
    expect(attempts.slice(0, 3).map((r) => r.statusCode)).toEqual([401, 401, 401]);
    expectRateLimited(attempts[3]!);
    // Another account from a fresh address is unaffected.
    const other = await postJson(app, '/api/auth/login', { email: 'other@example.com', password: 'guess' }, { remoteAddress: '10.0.0.9' });
    expect(other.statusCode).toBe(401);
  });

  it('limits sign-in per IP address across emails', async () => {
    const statuses = [];
    for (let i = 1; i <= 3; i++) {
      statuses.push((await postJson(app, '/api/auth/login', { email: `user${i}@example.com`, password: 'guess' }, { remoteAddress: '10.1.0.1' })).statusCode);
    }
    expect(statuses).toEqual([401, 401, 401]);
    expectRateLimited(await postJson(app, '/api/auth/login', { email: 'user4@example.com', password: 'guess' }, { remoteAddress: '10.1.0.1' }));
  });

  it('limits sign-up per IP address', async () => {
    for (let i = 1; i <= 3; i++) {
      await postJson(app, '/api/auth/register', { email: `new${i}-${kind}@example.com`, password: PASSWORD }, { remoteAddress: '10.2.0.1' });
    }
    expectRateLimited(await postJson(app, '/api/auth/register', { email: `new4-${kind}@example.com`, password: PASSWORD }, { remoteAddress: '10.2.0.1' }));
  });

  it('limits every route per IP with the one error shape', async () => {
    const strict = await buildApp({ config: loadConfig({ RATE_LIMIT_PER_MINUTE: '2' }), db: database.db });
    try {
      for (let i = 0; i < 2; i++) expect((await strict.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
      const limited = await strict.inject({ method: 'GET', url: '/api/health' });
      expectRateLimited(limited);
      expect((await strict.inject({ method: 'GET', url: '/api/health', remoteAddress: '10.3.0.1' })).statusCode).toBe(200);
    } finally {
      await strict.close();
    }
  });

  it('offers a per-user scan-start limit for the scans module', async () => {
    app.post('/test/scans', { preValidation: requireUser, preHandler: createScanStartLimit(app, loadConfig(LIMITS).rateLimits) }, async () => ({ ok: true }));
    const a = await signUp(app, `scanner-a-${kind}@example.com`);
    const b = await signUp(app, `scanner-b-${kind}@example.com`);
    const start = (client: typeof a) => app.inject({ method: 'POST', url: '/test/scans', headers: asUser(client) });
    expect((await start(a)).statusCode).toBe(200);
    expect((await start(a)).statusCode).toBe(200);
    const third = await start(a);
    expect(third.statusCode).toBe(429);
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(60);
    expect((await start(b)).statusCode).toBe(200);
  });
});
