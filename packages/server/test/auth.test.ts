import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { hashSessionToken } from '../src/auth/session-token.js';
import { asUser, clientOf, PASSWORD, postJson, RELAXED_LIMITS, signUp } from './auth-test-kit.js';
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from './test-databases.js';

describe.each(DATABASE_KINDS)('sign-up, sign-in and sessions on %s', (kind) => {
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

  it('registers, answers me, signs out and in again with cookies', async () => {
    const client = await signUp(app, '  Alice@Example.COM ');
    expect(client.email).toBe('alice@example.com');
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: client.cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual({ user: { id: client.userId, email: 'alice@example.com' }, csrfToken: client.csrfToken });

    const logout = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: asUser(client) });
    expect(logout.statusCode).toBe(204);
    expect(logout.cookies.find((c) => c.name === 'cs_session')?.value).toBe('');
    const after = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: client.cookie } });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('unauthenticated');
    expect(await sessionCount(client.userId)).toBe(0);

    const login = await postJson(app, '/api/auth/login', { email: 'ALICE@example.com', password: PASSWORD });
    expect(login.statusCode).toBe(200);
    const again = clientOf(login);
    expect(again.userId).toBe(client.userId);
    expect(again.cookie).not.toBe(client.cookie);
  });

  it('stores only the sha256 of the session token and an argon2id hash of the password', async () => {
    const client = await signUp(app, 'storage@example.com');
    const token = client.cookie.slice('cs_session='.length);
    const session = await database.db.kysely.selectFrom('sessions').selectAll().where('user_id', '=', client.userId).executeTakeFirstOrThrow();
    expect(session.id_hash).toBe(hashSessionToken(token));
    const user = await database.db.kysely.selectFrom('users').selectAll().where('id', '=', client.userId).executeTakeFirstOrThrow();
    expect(user.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('answers a duplicate email with 409, whatever its case', async () => {
    await signUp(app, 'dup@example.com');
    const again = await postJson(app, '/api/auth/register', { email: 'DUP@example.com', password: PASSWORD });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'conflict', message: 'An account with this email already exists' });
  });

  it('gives the same 401 for a wrong password and an unknown email', async () => {
    await signUp(app, 'bob@example.com');
    const wrong = await postJson(app, '/api/auth/login', { email: 'bob@example.com', password: 'not-the-password' });
    const unknown = await postJson(app, '/api/auth/login', { email: 'nobody@example.com', password: 'not-the-password' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe('The email or password is incorrect');
    expect(unknown.json().error.message).toBe(wrong.json().error.message);
    expect(wrong.cookies).toEqual([]);
  });

  it('rejects and deletes a session idle for 30 minutes', async () => {
    const client = await signUp(app, 'idle@example.com');
    await setSession(client.userId, { last_seen_at: minutesAgo(31) });
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: client.cookie } });
    expect(me.statusCode).toBe(401);
    expect(me.cookies.find((c) => c.name === 'cs_session')?.value).toBe('');
    expect(await sessionCount(client.userId)).toBe(0);
  });

  it('rejects and deletes a session past its 12-hour absolute expiry even while active', async () => {
    const client = await signUp(app, 'absolute@example.com');
    const session = await onlySession(client.userId);
    expect(Date.parse(session.expires_at) - Date.parse(session.created_at)).toBe(12 * 60 * 60_000);
    await setSession(client.userId, { expires_at: minutesAgo(1), last_seen_at: minutesAgo(0) });
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: client.cookie } });
    expect(me.statusCode).toBe(401);
    expect(await sessionCount(client.userId)).toBe(0);
  });

  it('slides the idle timeout, writing last_seen_at at most once a minute', async () => {
    const client = await signUp(app, 'sliding@example.com');
    const recent = minutesAgo(0.5);
    await setSession(client.userId, { last_seen_at: recent });
    await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: client.cookie } });
    expect((await onlySession(client.userId)).last_seen_at).toBe(recent);

    await setSession(client.userId, { last_seen_at: minutesAgo(29) });
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: client.cookie } });
    expect(me.statusCode).toBe(200);
    expect(Date.now() - Date.parse((await onlySession(client.userId)).last_seen_at)).toBeLessThan(10_000);
  });

  it('ignores a forged or malformed cookie', async () => {
    for (const cookie of ['cs_session=' + 'A'.repeat(43), 'cs_session=short', 'cs_session=%00%ff']) {
      const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
      expect(me.statusCode).toBe(401);
    }
  });

  async function onlySession(userId: string) {
    return database.db.kysely.selectFrom('sessions').selectAll().where('user_id', '=', userId).executeTakeFirstOrThrow();
  }

  async function sessionCount(userId: string): Promise<number> {
    const rows = await database.db.kysely.selectFrom('sessions').select('id_hash').where('user_id', '=', userId).execute();
    return rows.length;
  }

  async function setSession(userId: string, values: { last_seen_at?: string; expires_at?: string }): Promise<void> {
    await database.db.kysely.updateTable('sessions').set(values).where('user_id', '=', userId).execute();
  }
});

function minutesAgo(minutes: number): string {
  return new Date(Date.now() - minutes * 60_000).toISOString();
}
