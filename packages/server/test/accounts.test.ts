// Keys-mode accounts through the API against moto (the independent AWS emulator). moto's STS
// accepts any well-formed keys and reports account 123456789012; a second moto with IAM auth
// on (INITIAL_NO_AUTH_ACTION_COUNT=0) answers unknown keys with InvalidClientTokenId, as AWS does.
import { startMoto, type RunningMoto } from '@cloudsweep/aws-sim/moto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { decryptAccountSecret } from '../src/secrets/account-secret.js';
import type { Keyring } from '../src/secrets/keyring.js';
import { signUp } from './auth-test-kit.js';
import { accountsApp, createKeysAccount, errorOf, newKeys, send, testKeyring, type AccountBody } from './accounts-test-kit.js';
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from './test-databases.js';

let moto: RunningMoto;
let motoWithAuth: RunningMoto;

beforeAll(async () => {
  // Cloudsweep's own principal (the SDK's default chain) assumes customer roles.
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIACLOUDSWEEPSERVER');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'c'.repeat(40));
  vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
  [moto, motoWithAuth] = await Promise.all([startMoto(), startMoto({ env: { INITIAL_NO_AUTH_ACTION_COUNT: '0' } })]);
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await Promise.all([moto?.stop(), motoWithAuth?.stop()]);
});

describe.each(DATABASE_KINDS)('AWS accounts (keys) on %s', (kind) => {
  let database: TestDatabase;
  let keyring: Keyring;
  let app: FastifyInstance;
  /** The same database and keys, but AWS refuses every credential: verification fails. */
  let refusingApp: FastifyInstance;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    keyring = testKeyring();
    app = await accountsApp(database, keyring, { AWS_ENDPOINT_URL: moto.url });
    refusingApp = await accountsApp(database, keyring, { AWS_ENDPOINT_URL: motoWithAuth.url });
  });

  afterAll(async () => {
    await app?.close();
    await refusingApp?.close();
    await database?.drop();
  });

  const storedRow = (id: string) => database.db.kysely.selectFrom('aws_accounts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const auditActions = async (userId: string) =>
    (await database.db.kysely.selectFrom('audit_events').select(['action', 'target_id', 'details']).where('user_id', '=', userId).orderBy('id').execute());

  it('verifies keys with STS, records the AWS account id and stores the secret encrypted', async () => {
    const user = await signUp(app, `keys-${kind}@example.com`);
    const keys = newKeys();
    const response = await send(app, user, 'POST', '/api/accounts', { name: '  Production  ', mode: 'keys', ...keys });
    expect(response.statusCode, response.body).toBe(201);
    const account = response.json<AccountBody>();
    expect(account).toMatchObject({ name: 'Production', mode: 'keys', sample: false, awsAccountId: '123456789012', roleArn: null, externalId: null });
    expect(account.accessKeyId).toBe(`AKIA************${keys.accessKeyId.slice(-4)}`);
    expect(account.verifiedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(response.body).not.toContain(keys.secretAccessKey);
    expect(response.body).not.toContain(keys.accessKeyId);

    const row = await storedRow(account.id);
    expect(row.secret_ciphertext).toMatch(/^v1:[0-9a-f]{8}:/);
    expect(row.secret_ciphertext).not.toContain(keys.secretAccessKey);
    expect(JSON.parse(decryptAccountSecret(keyring, account.id, row.secret_ciphertext ?? '').reveal())).toEqual({ secretAccessKey: keys.secretAccessKey });

    const list = await send(app, user, 'GET', '/api/accounts');
    expect(list.json()).toEqual({ accounts: [account] });
    expect((await send(app, user, 'GET', `/api/accounts/${account.id}`)).json()).toEqual(account);
    const audit = await auditActions(user.userId);
    expect(audit.at(-1)).toMatchObject({ action: 'account.create', target_id: account.id });
    expect(audit.at(-1)?.details).not.toContain(keys.secretAccessKey);
  });

  it('stores the session token of temporary (ASIA) keys with the secret', async () => {
    const user = await signUp(app, `asia-${kind}@example.com`);
    const keys = { ...newKeys('ASIA'), sessionToken: `FwoGZXIvYXdzE${'x'.repeat(300)}` };
    const response = await send(app, user, 'POST', '/api/accounts', { name: 'Temporary', mode: 'keys', ...keys });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.body).not.toContain(keys.sessionToken);
    const row = await storedRow(response.json<AccountBody>().id);
    expect(JSON.parse(decryptAccountSecret(keyring, row.id, row.secret_ciphertext ?? '').reveal())).toEqual({
      secretAccessKey: keys.secretAccessKey,
      sessionToken: keys.sessionToken,
    });
  });

  it('answers 422 with what failed when AWS refuses the keys, and saves nothing', async () => {
    const user = await signUp(refusingApp, `refused-${kind}@example.com`);
    const response = await send(refusingApp, user, 'POST', '/api/accounts', { name: 'Wrong', mode: 'keys', ...newKeys() });
    expect(response.statusCode).toBe(422);
    const error = errorOf(response);
    expect(error.code).toBe('aws_verification_failed');
    expect(error.message).toMatch(/^The AWS credentials were not saved: AWS did not accept these credentials/);
    expect(error.details).toMatchObject({ reason: 'invalid-credentials', step: 'get-caller-identity', awsErrorCode: 'InvalidClientTokenId' });
    expect(error.details?.['requestId']).toEqual(expect.any(String));
    expect((await send(refusingApp, user, 'GET', '/api/accounts')).json()).toEqual({ accounts: [] });
    expect((await auditActions(user.userId)).at(-1)).toMatchObject({ action: 'account.verify_failed', target_id: null });
  });

  it('answers 422 naming a network problem when AWS cannot be reached', async () => {
    const unreachable = await accountsApp(database, keyring, { AWS_ENDPOINT_URL: 'http://127.0.0.1:9' });
    try {
      const user = await signUp(unreachable, `offline-${kind}@example.com`);
      const response = await send(unreachable, user, 'POST', '/api/accounts', { name: 'Offline', mode: 'keys', ...newKeys() });
      expect(response.statusCode).toBe(422);
      expect(errorOf(response)).toMatchObject({ code: 'aws_verification_failed', details: { reason: 'network', step: 'get-caller-identity' } });
      expect(errorOf(response).message).toContain('Could not reach AWS');
    } finally {
      await unreachable.close();
    }
  });

  it('rotates keys after verifying them, and keeps the old ones when the new ones fail', async () => {
    const user = await signUp(app, `rotate-${kind}@example.com`);
    const account = await createKeysAccount(app, user);
    const before = await storedRow(account.id);

    const refused = await send(refusingApp, user, 'POST', `/api/accounts/${account.id}/credentials`, { mode: 'keys', ...newKeys() });
    expect(refused.statusCode).toBe(422);
    expect(await storedRow(account.id)).toEqual(before);
    expect((await auditActions(user.userId)).at(-1)).toMatchObject({ action: 'account.verify_failed', target_id: account.id });

    const keys = newKeys();
    const rotated = await send(app, user, 'POST', `/api/accounts/${account.id}/credentials`, { mode: 'keys', ...keys });
    expect(rotated.statusCode, rotated.body).toBe(200);
    expect(rotated.json<AccountBody>()).toMatchObject({ id: account.id, name: 'Production', accessKeyId: `AKIA************${keys.accessKeyId.slice(-4)}` });
    const after = await storedRow(account.id);
    expect(after.access_key_id).toBe(keys.accessKeyId);
    expect(decryptAccountSecret(keyring, account.id, after.secret_ciphertext ?? '').reveal()).toContain(keys.secretAccessKey);
    expect((await auditActions(user.userId)).at(-1)).toMatchObject({ action: 'account.rotate', target_id: account.id });
  });

  it('deletes an account, but not while a scan of it is running', async () => {
    const user = await signUp(app, `delete-${kind}@example.com`);
    const account = await createKeysAccount(app, user);
    const now = new Date().toISOString();
    await database.db.kysely
      .insertInto('scans')
      .values({
        id: `scan-${account.id}`, account_id: account.id, user_id: user.userId, status: 'running', regions: '[]', checks: null, scope_key: 'k',
        attempt: 1, retry_of: null, cached: 0, progress_done: 0, progress_total: 0, phase: 'collecting', error_message: null,
        error_details: null, warnings: '[]', summary: null, created_at: now, started_at: now, completed_at: null, updated_at: now,
      })
      .execute();
    const busy = await send(app, user, 'DELETE', `/api/accounts/${account.id}`);
    expect(busy.statusCode).toBe(409);
    expect(errorOf(busy)).toMatchObject({ code: 'conflict', details: { scanId: `scan-${account.id}` } });

    await database.db.kysely.updateTable('scans').set({ status: 'completed' }).where('account_id', '=', account.id).execute();
    expect((await send(app, user, 'DELETE', `/api/accounts/${account.id}`)).statusCode).toBe(204);
    expect((await send(app, user, 'GET', `/api/accounts/${account.id}`)).statusCode).toBe(404);
    expect((await send(app, user, 'DELETE', `/api/accounts/${account.id}`)).statusCode).toBe(404);
    expect(await database.db.kysely.selectFrom('scans').select('id').where('account_id', '=', account.id).execute()).toEqual([]);
    expect((await auditActions(user.userId)).at(-1)).toMatchObject({ action: 'account.delete', target_id: account.id });
  });

  it("answers 404 to another user on every route with an account's id", async () => {
    const owner = await signUp(app, `owner-${kind}@example.com`);
    const other = await signUp(app, `other-${kind}@example.com`);
    const account = await createKeysAccount(app, owner);
    const attempts = [
      await send(app, other, 'GET', `/api/accounts/${account.id}`),
      await send(app, other, 'POST', `/api/accounts/${account.id}/credentials`, { mode: 'keys', ...newKeys() }),
      await send(app, other, 'DELETE', `/api/accounts/${account.id}`),
    ];
    for (const response of attempts) {
      expect(response.statusCode).toBe(404);
      expect(errorOf(response)).toMatchObject({ code: 'not_found', message: 'The AWS account was not found' });
    }
    expect((await send(app, other, 'GET', '/api/accounts')).json()).toEqual({ accounts: [] });
    expect((await send(app, owner, 'GET', `/api/accounts/${account.id}`)).statusCode).toBe(200);
  });

  it('requires a session, and the CSRF token on changes', async () => {
    const user = await signUp(app, `csrf-${kind}@example.com`);
    expect((await app.inject({ method: 'GET', url: '/api/accounts' })).statusCode).toBe(401);
    const noCsrf = await app.inject({
      method: 'POST', url: '/api/accounts', headers: { cookie: user.cookie, 'content-type': 'application/json' },
      payload: { name: 'x', mode: 'keys', ...newKeys() },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect((await send(app, user, 'GET', '/api/accounts')).json()).toEqual({ accounts: [] });
  });

  it('refuses a role against moto, whose STS ignores the ExternalId condition (the confused-deputy check)', async () => {
    // moto lets anyone assume any role, with or without an ExternalId; the check must catch that.
    const user = await signUp(app, `moto-role-${kind}@example.com`);
    const setup = await send(app, user, 'POST', '/api/accounts/external-id');
    expect(setup.statusCode).toBe(201);
    const response = await send(app, user, 'POST', '/api/accounts', { name: 'Role', mode: 'role', roleArn: 'arn:aws:iam::123456789012:role/cloudsweep' });
    expect(response.statusCode).toBe(422);
    expect(errorOf(response).message).toContain('The role can be assumed without an ExternalId; add the sts:ExternalId condition');
  });
});
