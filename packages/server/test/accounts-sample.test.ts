// The sample account: one per user, labelled as sample data, backed by the simulator.
import { verifyAwsAccess } from '@cloudsweep/engine';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_AWS_ACCOUNT_ID, SAMPLE_CREDENTIALS, SampleAws } from '../src/sample/sample-aws.js';
import { signUp } from './auth-test-kit.js';
import { accountsApp, errorOf, newKeys, send, testKeyring, type AccountBody } from './accounts-test-kit.js';
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from './test-databases.js';

describe.each(DATABASE_KINDS)('the sample account on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let disabledApp: FastifyInstance;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    // Explicit either way: the default depends on the database (on for the embedded SQLite).
    app = await accountsApp(database, testKeyring(), { SAMPLE_ACCOUNT: 'true' });
    disabledApp = await accountsApp(database, testKeyring(), { SAMPLE_ACCOUNT: 'false' });
  });

  afterAll(async () => {
    await app?.close();
    await disabledApp?.close();
    await database?.drop();
  });

  it('is created once per user and labelled as sample data', async () => {
    const user = await signUp(app, `sample-${kind}@example.com`);
    const first = await send(app, user, 'POST', '/api/accounts/sample');
    expect(first.statusCode, first.body).toBe(201);
    const account = first.json<AccountBody>();
    expect(account).toMatchObject({ mode: 'sample', sample: true, awsAccountId: SAMPLE_AWS_ACCOUNT_ID, accessKeyId: null, roleArn: null });
    expect(account.name).toMatch(/sample/i);
    const second = await send(app, user, 'POST', '/api/accounts/sample');
    expect(second.statusCode).toBe(200);
    expect(second.json()).toEqual(account);
    expect((await send(app, user, 'GET', '/api/accounts')).json()).toEqual({ accounts: [account] });
    const audit = await database.db.kysely.selectFrom('audit_events').select('action').where('user_id', '=', user.userId).where('action', '=', 'account.create').execute();
    expect(audit).toHaveLength(1);
  });

  it('stays one account when two first requests race', async () => {
    const user = await signUp(app, `sample-race-${kind}@example.com`);
    const answers = await Promise.all([1, 2, 3].map(() => send(app, user, 'POST', '/api/accounts/sample')));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 201]);
    expect(new Set(answers.map((a) => a.json<AccountBody>().id)).size).toBe(1);
  });

  it('has no credentials to rotate, and can be deleted and created again', async () => {
    const user = await signUp(app, `sample-rotate-${kind}@example.com`);
    const account = (await send(app, user, 'POST', '/api/accounts/sample')).json<AccountBody>();
    const rotate = await send(app, user, 'POST', `/api/accounts/${account.id}/credentials`, { mode: 'keys', ...newKeys() });
    expect(rotate.statusCode).toBe(400);
    expect((await send(app, user, 'DELETE', `/api/accounts/${account.id}`)).statusCode).toBe(204);
    expect((await send(app, user, 'POST', '/api/accounts/sample')).statusCode).toBe(201);
  });

  it('answers 404 saying so when the sample account is disabled', async () => {
    const user = await signUp(disabledApp, `sample-off-${kind}@example.com`);
    const response = await send(disabledApp, user, 'POST', '/api/accounts/sample');
    expect(response.statusCode).toBe(404);
    expect(errorOf(response)).toMatchObject({ code: 'not_found', message: 'The sample account is disabled on this server' });
  });
});

describe('the sample simulator', () => {
  it('starts on first use, answers as the sample AWS account, and stops with the app', async () => {
    const sample = new SampleAws();
    const database = await freshDatabase('sqlite');
    const app = await accountsApp(database, testKeyring(), { SAMPLE_ACCOUNT: 'true' }, { sample });
    try {
      const url = await sample.sampleEndpoint();
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(await sample.sampleEndpoint()).toBe(url);
      const identity = await verifyAwsAccess(SAMPLE_CREDENTIALS, { endpoint: url });
      expect(identity).toMatchObject({ ok: true, accountId: SAMPLE_AWS_ACCOUNT_ID });
      await app.close();
      await expect(sample.sampleEndpoint()).rejects.toThrow(/stopped/);
      await expect(fetch(url)).rejects.toThrow();
    } finally {
      await app.close();
      await database.drop();
    }
  });
});
