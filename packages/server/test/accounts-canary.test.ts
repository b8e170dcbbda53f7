// A canary secret access key and session token go through every accounts route, good and bad
// requests alike; neither may appear in any response body or log line (logs at trace level).
import { startMoto, type RunningMoto } from '@cloudsweep/aws-sim/moto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLogs, signUp } from './auth-test-kit.js';
import { accountsApp, newKeys, send, testKeyring, type AccountBody } from './accounts-test-kit.js';
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from './test-databases.js';

// 40 characters, a valid secret access key shape, easy to find.
const CANARY_SECRET = 'CANARYsecretCANARYsecretCANARYsecret0000';
const CANARY_TOKEN = 'CANARYsessionTOKEN-abcdefghijklmnopqrstuvwxyz';

let moto: RunningMoto;
let motoWithAuth: RunningMoto;

beforeAll(async () => {
  [moto, motoWithAuth] = await Promise.all([startMoto(), startMoto({ env: { INITIAL_NO_AUTH_ACTION_COUNT: '0' } })]);
});

afterAll(async () => {
  await Promise.all([moto?.stop(), motoWithAuth?.stop()]);
});

describe.each(DATABASE_KINDS)('AWS secrets stay out of responses and logs on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let refusingApp: FastifyInstance;
  const { lines, logger } = captureLogs();

  beforeAll(async () => {
    database = await freshDatabase(kind);
    const keyring = testKeyring();
    app = await accountsApp(database, keyring, { AWS_ENDPOINT_URL: moto.url }, { logger });
    refusingApp = await accountsApp(database, keyring, { AWS_ENDPOINT_URL: motoWithAuth.url }, { logger });
  });

  afterAll(async () => {
    await app?.close();
    await refusingApp?.close();
    await database?.drop();
  });

  it('never echoes the secret access key or the session token', async () => {
    const user = await signUp(app, `canary-${kind}@example.com`);
    const keys = { accessKeyId: newKeys().accessKeyId, secretAccessKey: CANARY_SECRET };
    const temporary = { accessKeyId: newKeys('ASIA').accessKeyId, secretAccessKey: CANARY_SECRET, sessionToken: CANARY_TOKEN };
    const bodies: string[] = [];
    const keep = async (response: Awaited<ReturnType<typeof app.inject>>) => {
      bodies.push(response.body);
      return response;
    };
    const created = await keep(await send(app, user, 'POST', '/api/accounts', { name: 'Canary', mode: 'keys', ...keys }));
    expect(created.statusCode).toBe(201);
    const id = created.json<AccountBody>().id;
    await keep(await send(app, user, 'POST', '/api/accounts', { name: 'Canary temp', mode: 'keys', ...temporary }));
    await keep(await send(refusingApp, user, 'POST', '/api/accounts', { name: 'Refused', mode: 'keys', ...temporary }));
    await keep(await send(refusingApp, user, 'POST', `/api/accounts/${id}/credentials`, { mode: 'keys', ...temporary }));
    await keep(await send(app, user, 'POST', `/api/accounts/${id}/credentials`, { mode: 'keys', ...keys }));
    await keep(await send(app, user, 'POST', '/api/accounts', { name: 'Bad', mode: 'keys', ...keys, accessKeyId: 'AKIA1', extra: CANARY_SECRET }));
    await keep(await send(app, user, 'POST', '/api/accounts', { name: 'Bad', mode: 'keys', ...keys, sessionToken: CANARY_TOKEN }));
    await keep(await send(app, user, 'POST', '/api/accounts', { name: 'Bad', mode: 'keys', accessKeyId: keys.accessKeyId, secretAccessKey: `${CANARY_SECRET}x` }));
    await keep(await send(app, user, 'POST', '/api/accounts', { name: CANARY_SECRET, mode: 'nope', secretAccessKey: CANARY_SECRET }));
    await keep(await app.inject({ method: 'POST', url: '/api/accounts', headers: { cookie: user.cookie, 'x-csrf-token': user.csrfToken, 'content-type': 'application/json' }, payload: `{"secretAccessKey":"${CANARY_SECRET}"` }));
    await keep(await send(app, user, 'GET', '/api/accounts'));
    await keep(await send(app, user, 'GET', `/api/accounts/${id}`));
    await keep(await send(app, user, 'GET', '/api/audit'));
    await keep(await send(app, user, 'DELETE', `/api/accounts/${id}`));

    expect(lines.length).toBeGreaterThan(20);
    for (const text of [...bodies, ...lines]) {
      expect(text).not.toContain(CANARY_SECRET);
      expect(text).not.toContain(CANARY_TOKEN);
    }
    const audit = await database.db.kysely.selectFrom('audit_events').select('details').execute();
    for (const row of audit) expect(row.details ?? '').not.toContain('CANARY');
  });
});
