import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { asUser, PASSWORD, postJson, RELAXED_LIMITS, signUp } from './auth-test-kit.js';
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from './test-databases.js';

describe.each(DATABASE_KINDS)('cookies, CSRF and bad input on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let proxied: FastifyInstance;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    app = await buildApp({ config: loadConfig(RELAXED_LIMITS), db: database.db });
    proxied = await buildApp({ config: loadConfig({ ...RELAXED_LIMITS, TRUST_PROXY: 'true' }), db: database.db });
  });

  afterAll(async () => {
    await app?.close();
    await proxied?.close();
    await database?.drop();
  });

  it('sets an HttpOnly, SameSite=Lax, Path=/ cookie, not Secure over plain HTTP', async () => {
    const response = await postJson(app, '/api/auth/register', { email: 'plain@example.com', password: PASSWORD }, { headers: { 'x-forwarded-proto': 'https' } });
    const cookie = response.cookies.find((c) => c.name === 'cs_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    // Without trustProxy a client-sent X-Forwarded-Proto is not believed.
    expect(cookie?.secure).toBeUndefined();
    expect(Date.parse(String(cookie?.expires)) - Date.now()).toBeGreaterThan(11.9 * 60 * 60_000);
  });

  it('marks the cookie Secure behind a trusted TLS proxy', async () => {
    const response = await postJson(proxied, '/api/auth/register', { email: 'tls@example.com', password: PASSWORD }, { headers: { 'x-forwarded-proto': 'https' } });
    expect(response.statusCode).toBe(201);
    expect(response.cookies.find((c) => c.name === 'cs_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: true });
  });

  it('refuses a mutating request without the session CSRF token, accepts it with', async () => {
    const client = await signUp(app, 'csrf@example.com');
    const missing = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: asUser(client, false) });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().error.code).toBe('csrf_failed');
    const other = await signUp(app, 'csrf-other@example.com');
    const wrong = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: client.cookie, 'x-csrf-token': other.csrfToken } });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.message).toMatch(/x-csrf-token/);
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: client.cookie } });
    expect(me.statusCode).toBe(200);
    const unknownRoute = await app.inject({ method: 'DELETE', url: '/api/nope', headers: asUser(client, false) });
    expect(unknownRoute.statusCode).toBe(403);
    const right = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: asUser(client) });
    expect(right.statusCode).toBe(204);
  });

  it('refuses sign-in and sign-up bodies a cross-site form could send', async () => {
    const bodies = [
      { 'content-type': 'text/plain', payload: JSON.stringify({ email: 'x@example.com', password: PASSWORD }) },
      { 'content-type': 'application/x-www-form-urlencoded', payload: `email=x%40example.com&password=${PASSWORD}` },
      { 'content-type': 'multipart/form-data; boundary=b', payload: '--b--' },
    ];
    for (const url of ['/api/auth/login', '/api/auth/register']) {
      for (const { payload, ...headers } of bodies) {
        const response = await app.inject({ method: 'POST', url, payload, headers });
        expect(response.statusCode).toBe(415);
        expect(response.json().error.code).toBe('unsupported_media_type');
      }
    }
  });

  it('answers 401 to signed-out requests on protected routes', async () => {
    for (const [method, url] of [['GET', '/api/auth/me'], ['POST', '/api/auth/logout'], ['GET', '/api/audit']] as const) {
      const response = await app.inject({ method, url });
      expect(response.statusCode).toBe(401);
      expect(response.json().error).toMatchObject({ code: 'unauthenticated', message: 'Sign in to continue' });
    }
  });

  it('answers bad bodies with a 4xx and a message, never a 5xx', async () => {
    const cases: Array<[string, string, number, RegExp]> = [
      ['{"email": "a@example.com", "password": ', 'application/json', 400, /not valid JSON/],
      ['', 'application/json', 400, /JSON/],
      [JSON.stringify({ email: 42, password: true }), 'application/json', 400, /email|password/],
      [JSON.stringify({ email: 'a@example.com', password: PASSWORD, admin: true }), 'application/json', 400, /admin/],
      [JSON.stringify({ email: 'not-an-email', password: PASSWORD }), 'application/json', 400, /valid email/],
      [JSON.stringify({ email: 'a@example.com', password: 'short' }), 'application/json', 400, /at least 12 characters/],
      [JSON.stringify({ email: 'a@example.com', password: 'x'.repeat(257) }), 'application/json', 400, /at most 256/],
      [JSON.stringify([1, 2]), 'application/json', 400, /.+/],
      [JSON.stringify({ email: 'a@example.com', password: 'p'.repeat(70_000) }), 'application/json', 413, /too large/],
    ];
    for (const url of ['/api/auth/register', '/api/auth/login']) {
      for (const [payload, type, status, message] of cases) {
        if (url.endsWith('login') && /at least 12/.test(String(message))) continue;
        const response = await app.inject({ method: 'POST', url, payload, headers: { 'content-type': type } });
        expect({ url, payload: payload.slice(0, 60), status: response.statusCode }).toEqual({ url, payload: payload.slice(0, 60), status });
        expect(response.json().error.message).toMatch(message);
      }
    }
  });

  it('lets a signed-in browser sign in again without a CSRF token, replacing its session', async () => {
    const client = await signUp(app, 'again@example.com');
    const login = await postJson(app, '/api/auth/login', { email: 'again@example.com', password: PASSWORD }, { headers: { cookie: client.cookie } });
    expect(login.statusCode).toBe(200);
    const old = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: client.cookie } });
    expect(old.statusCode).toBe(401);
  });
});
