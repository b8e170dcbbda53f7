import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { asUser, captureLogs, clientOf, postJson, RELAXED_LIMITS } from './auth-test-kit.js';
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from './test-databases.js';

const CANARY = 'canary-Pa55word-XYZ';

describe.each(DATABASE_KINDS)('secrets stay out of responses and logs on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const { lines, logger } = captureLogs();

  beforeAll(async () => {
    database = await freshDatabase(kind);
    app = await buildApp({ config: loadConfig(RELAXED_LIMITS), db: database.db, logger });
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('never echoes the password, the session token or the cookie', async () => {
    const email = `canary-${kind}@example.com`;
    const bodies: string[] = [];
    const register = await postJson(app, '/api/auth/register', { email, password: CANARY });
    expect(register.statusCode).toBe(201);
    const client = clientOf(register);
    const token = client.cookie.slice('cs_session='.length);
    const send = async (response: Awaited<ReturnType<typeof app.inject>>) => bodies.push(response.body);
    await send(register);
    await send(await postJson(app, '/api/auth/register', { email, password: CANARY }));
    await send(await postJson(app, '/api/auth/login', { email, password: `${CANARY}-wrong` }));
    await send(await postJson(app, '/api/auth/login', { email: 'nobody@example.com', password: CANARY }));
    await send(await postJson(app, '/api/auth/login', { email, password: CANARY, extra: CANARY }));
    await send(await postJson(app, '/api/auth/login', { email: CANARY, password: CANARY }));
    await send(await postJson(app, '/api/auth/login', { email, password: CANARY.repeat(20) }));
    await send(await app.inject({ method: 'POST', url: '/api/auth/login', payload: `{"email":"${email}","password":"${CANARY}"`, headers: { 'content-type': 'application/json' } }));
    await send(await app.inject({ method: 'POST', url: '/api/auth/login', payload: `password=${CANARY}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } }));
    await send(await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: client.cookie, authorization: `Bearer ${CANARY}` } }));
    await send(await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: client.cookie, 'x-csrf-token': CANARY } }));
    await send(await app.inject({ method: 'GET', url: '/api/audit', headers: asUser(client) }));

    expect(lines.length).toBeGreaterThan(10);
    for (const text of [...bodies, ...lines]) {
      expect(text).not.toContain(CANARY);
      expect(text).not.toContain(token);
    }
  });

  it('redacts credentials when a handler logs request headers or a body', () => {
    app.log.info({ req: { headers: { cookie: `cs_session=${CANARY}`, authorization: CANARY } }, body: { password: CANARY } }, 'explicit');
    const line = lines.find((l) => l.includes('"explicit"'));
    expect(line).toContain('[redacted]');
    expect(line).not.toContain(CANARY);
  });
});
