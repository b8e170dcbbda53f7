// Bad input on every accounts route: a 4xx with a message a person understands, never a 5xx.
import { startMoto, type RunningMoto } from '@cloudsweep/aws-sim/moto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, type SignedInClient } from './auth-test-kit.js';
import { accountsApp, createKeysAccount, errorOf, newKeys, send, testKeyring } from './accounts-test-kit.js';
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from './test-databases.js';

let moto: RunningMoto;

beforeAll(async () => {
  moto = await startMoto();
});

afterAll(async () => {
  await moto?.stop();
});

const KEYS = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };

/** Body -> the message the person must see (a substring). */
const BAD_CREATE_BODIES: readonly [string, unknown, string][] = [
  ['a short access key id', { name: 'a', mode: 'keys', ...KEYS, accessKeyId: 'AKIA123' }, 'Access key ids are 20 characters starting with AKIA or ASIA'],
  ['a lowercase access key id', { name: 'a', mode: 'keys', ...KEYS, accessKeyId: 'akiaiosfodnn7example' }, 'Access key ids are 20 characters starting with AKIA or ASIA'],
  ['another key prefix', { name: 'a', mode: 'keys', ...KEYS, accessKeyId: 'AIDAIOSFODNN7EXAMPLE' }, 'Access key ids are 20 characters starting with AKIA or ASIA'],
  ['a 39-character secret', { name: 'a', mode: 'keys', ...KEYS, secretAccessKey: KEYS.secretAccessKey.slice(1) }, 'Secret access keys are 40 characters'],
  ['ASIA keys without a token', { name: 'a', mode: 'keys', ...KEYS, accessKeyId: 'ASIAIOSFODNN7EXAMPLE' }, 'Temporary access keys (ASIA...) need their session token'],
  ['AKIA keys with a token', { name: 'a', mode: 'keys', ...KEYS, sessionToken: 'token' }, 'Long-term access keys (AKIA...) have no session token'],
  ['a malformed role ARN', { name: 'a', mode: 'role', roleArn: 'arn:aws:iam::12345:role/x' }, 'A role ARN looks like arn:aws:iam::123456789012:role/name'],
  ['a user ARN', { name: 'a', mode: 'role', roleArn: 'arn:aws:iam::123456789012:user/x' }, 'A role ARN looks like arn:aws:iam::123456789012:role/name'],
  ['a weak ExternalId', { name: 'a', mode: 'role', roleArn: 'arn:aws:iam::123456789012:role/x', externalId: '1234' }, 'Use the ExternalId Cloudsweep generated for you'],
  ['no name', { mode: 'keys', ...KEYS }, 'Give the account a name'],
  ['a blank name', { name: '   ', mode: 'keys', ...KEYS }, 'Give the account a name'],
  ['a long name', { name: 'x'.repeat(101), mode: 'keys', ...KEYS }, 'An account name is at most 100 characters'],
  ['no mode', { name: 'a', ...KEYS }, 'mode must be "role" (recommended) or "keys"'],
  ['an unknown mode', { name: 'a', mode: 'sample' }, 'mode must be "role" (recommended) or "keys"'],
  ['an unknown field', { name: 'a', mode: 'keys', ...KEYS, region: 'us-east-1' }, 'Unknown field: region'],
  ['a role field in keys mode', { name: 'a', mode: 'keys', ...KEYS, roleArn: 'arn:aws:iam::123456789012:role/x' }, 'Unknown field: roleArn'],
  ['a number as name', { name: 42, mode: 'keys', ...KEYS }, 'Give the account a name'],
  ['an array', [{ name: 'a' }], 'Send a JSON object'],
];

describe.each(DATABASE_KINDS)('bad input to the accounts routes on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let user: SignedInClient;
  let accountId: string;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    app = await accountsApp(database, testKeyring(), { AWS_ENDPOINT_URL: moto.url });
    user = await signUp(app, `input-${kind}@example.com`);
    accountId = (await createKeysAccount(app, user)).id;
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it.each(BAD_CREATE_BODIES)('creating with %s answers 400 saying why', async (_what, body, message) => {
    const response = await send(app, user, 'POST', '/api/accounts', body);
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).code).toBe('validation_failed');
    expect(errorOf(response).message).toContain(message);
  });

  it('validates rotations the same way', async () => {
    const url = `/api/accounts/${accountId}/credentials`;
    const short = await send(app, user, 'POST', url, { mode: 'keys', ...KEYS, accessKeyId: 'AKIA1' });
    expect(errorOf(short).message).toContain('Access key ids are 20 characters starting with AKIA or ASIA');
    const named = await send(app, user, 'POST', url, { mode: 'keys', ...KEYS, name: 'renamed' });
    expect(named.statusCode).toBe(400);
    expect(errorOf(named).message).toContain('Unknown field: name');
  });

  const routes = (): [string, 'POST' | 'GET' | 'DELETE', string][] => [
    ['create', 'POST', '/api/accounts'],
    ['rotate', 'POST', `/api/accounts/${accountId}/credentials`],
    ['external id', 'POST', '/api/accounts/external-id'],
    ['sample', 'POST', '/api/accounts/sample'],
  ];

  it('answers malformed JSON, wrong content types and oversized bodies with a 4xx on every route with a body', async () => {
    for (const [, method, url] of routes()) {
      const headers = { cookie: user.cookie, 'x-csrf-token': user.csrfToken };
      const broken = await app.inject({ method, url, headers: { ...headers, 'content-type': 'application/json' }, payload: '{"name": "a",' });
      expect([broken.statusCode, errorOf(broken).message]).toEqual([400, 'The request body is not valid JSON']);
      const form = await app.inject({ method, url, headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'name=a' });
      expect(form.statusCode).toBe(415);
      const huge = await app.inject({ method, url, headers: { ...headers, 'content-type': 'application/json' }, payload: { name: 'x'.repeat(70_000) } });
      expect([huge.statusCode, errorOf(huge).code]).toEqual([413, 'payload_too_large']);
      const extra = await send(app, user, method, url, { unexpected: true });
      expect(extra.statusCode).toBe(400);
    }
  });

  it('answers an unknown or absurd id with 404', async () => {
    for (const id of ['nope', '00000000-0000-0000-0000-000000000000', encodeURIComponent("' OR 1=1 --")]) {
      expect((await send(app, user, 'GET', `/api/accounts/${id}`)).statusCode).toBe(404);
      expect((await send(app, user, 'DELETE', `/api/accounts/${id}`)).statusCode).toBe(404);
      expect((await send(app, user, 'POST', `/api/accounts/${id}/credentials`, { mode: 'keys', ...newKeys() })).statusCode).toBe(404);
    }
    // An id longer than the params schema allows is a 400; one longer than the router's limit a 404: both in our shape.
    const long = await send(app, user, 'GET', `/api/accounts/${'x'.repeat(200)}`);
    expect(long.statusCode).toBe(400);
    expect(errorOf(long).code).toBe('validation_failed');
    const huge = await send(app, user, 'GET', `/api/accounts/${'x'.repeat(600)}`);
    expect(huge.statusCode).toBe(404);
    expect(errorOf(huge).code).toBe('not_found');
  });
});
