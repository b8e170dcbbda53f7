// Role-mode accounts: the ExternalId the server issues, the role template, and verification
// through a real HTTP STS endpoint (accounts-fake-sts.ts) whose roles demand an ExternalId —
// moto and the simulator let anyone assume any role, so they cannot show the refusal.
import { ACCESS_KEY_ID_PATTERN, ROLE_ARN_PATTERN } from '@cloudsweep/contract';
import { ACCESS_KEY_ID, allChecks, leastPrivilegePolicy, ROLE_ARN } from '@cloudsweep/engine';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { signUp } from './auth-test-kit.js';
import { startFakeSts, type FakeSts } from './accounts-fake-sts.js';
import { accountsApp, errorOf, send, testKeyring, type AccountBody } from './accounts-test-kit.js';
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from './test-databases.js';

const PRINCIPAL = 'arn:aws:iam::999999999999:role/cloudsweep-server';

let sts: FakeSts;

beforeAll(async () => {
  // Cloudsweep's own principal (the SDK's default chain) assumes customer roles.
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIACLOUDSWEEPSERVER');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'c'.repeat(40));
  vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
  sts = await startFakeSts();
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await sts?.stop();
});

interface Setup {
  externalId: string;
  expiresAt: string;
  principalArn: string | null;
  cloudFormationTemplate: string;
  policy: { Statement: { Action: string[] }[] };
}

describe('the contract and the engine', () => {
  it('validate access key ids and role ARNs with the same patterns', () => {
    expect(ACCESS_KEY_ID_PATTERN.source).toBe(ACCESS_KEY_ID.source);
    expect(ROLE_ARN_PATTERN.source).toBe(ROLE_ARN.source);
  });
});

describe.each(DATABASE_KINDS)('AWS accounts (role) on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let role = 0;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    app = await accountsApp(database, testKeyring(), { AWS_ENDPOINT_URL: sts.url, CLOUDSWEEP_AWS_PRINCIPAL_ARN: PRINCIPAL });
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  /** A role in the fake STS, in AWS account 210987654321, demanding `externalId`. */
  const newRole = (externalId: string | null, account = '210987654321'): string => {
    role += 1;
    const arn = `arn:aws:iam::${account}:role/cloudsweep-${kind}-${role}`;
    sts.roles.set(arn, externalId);
    return arn;
  };

  const issue = async (client: Awaited<ReturnType<typeof signUp>>): Promise<Setup> => {
    const response = await send(app, client, 'POST', '/api/accounts/external-id');
    expect(response.statusCode, response.body).toBe(201);
    return response.json<Setup>();
  };

  it('issues a long random ExternalId with the role template and the least-privilege policy', async () => {
    const user = await signUp(app, `setup-${kind}@example.com`);
    const first = await issue(user);
    const second = await issue(user);
    expect(first.externalId).toMatch(/^cs-[A-Za-z0-9_-]{43}$/);
    expect(second.externalId).not.toBe(first.externalId);
    expect(Date.parse(first.expiresAt)).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    expect(first.principalArn).toBe(PRINCIPAL);
    expect(first.policy).toEqual(leastPrivilegePolicy(allChecks));
    const template = first.cloudFormationTemplate;
    expect(template).toContain(`sts:ExternalId: '${first.externalId}'`);
    expect(template).toContain(`Default: '${PRINCIPAL}'`);
    expect(template).toContain('Type: AWS::IAM::Role');
    for (const action of first.policy.Statement.flatMap((s) => s.Action)) expect(template).toContain(`- '${action}'`);
    expect(template).not.toMatch(/\t/);
  });

  it('connects a role that demands the ExternalId, records its AWS account and uses the ExternalId once', async () => {
    const user = await signUp(app, `role-${kind}@example.com`);
    const { externalId } = await issue(user);
    const roleArn = newRole(externalId);
    const response = await send(app, user, 'POST', '/api/accounts', { name: 'Prod (role)', mode: 'role', roleArn });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<AccountBody>()).toMatchObject({ mode: 'role', roleArn, externalId, awsAccountId: '210987654321', accessKeyId: null, sample: false });
    // Assumed with the ExternalId, then (the confused-deputy check) without it.
    expect(sts.assumeCalls.filter((c) => c.roleArn === roleArn)).toEqual([{ roleArn, externalId }, { roleArn, externalId: null }]);

    const again = await send(app, user, 'POST', '/api/accounts', { name: 'Again', mode: 'role', roleArn: newRole(externalId) });
    expect(again.statusCode).toBe(400);
    expect(errorOf(again).message).toContain('Generate an ExternalId first');
  });

  it('refuses a role that can be assumed without an ExternalId', async () => {
    const user = await signUp(app, `deputy-${kind}@example.com`);
    await issue(user);
    const response = await send(app, user, 'POST', '/api/accounts', { name: 'Open', mode: 'role', roleArn: newRole(null) });
    expect(response.statusCode).toBe(422);
    expect(errorOf(response)).toMatchObject({
      code: 'aws_verification_failed',
      message: 'The AWS credentials were not saved: The role can be assumed without an ExternalId; add the sts:ExternalId condition to its trust policy',
      details: { reason: 'external-id-not-enforced', step: 'assume-role-without-external-id' },
    });
    expect((await send(app, user, 'GET', '/api/accounts')).json()).toEqual({ accounts: [] });
  });

  it('explains a role whose trust policy holds another ExternalId', async () => {
    const user = await signUp(app, `mismatch-${kind}@example.com`);
    const { externalId } = await issue(user);
    const response = await send(app, user, 'POST', '/api/accounts', { name: 'Mismatch', mode: 'role', roleArn: newRole('cs-some-other-external-id-0000000000000'), externalId });
    expect(response.statusCode).toBe(422);
    expect(errorOf(response).message).toContain('Cloudsweep could not assume the role with its ExternalId');
    expect(errorOf(response).details).toMatchObject({ reason: 'access-denied', step: 'assume-role', awsErrorCode: 'AccessDenied', requestId: expect.any(String) });
  });

  it("refuses an ExternalId issued to another user", async () => {
    const owner = await signUp(app, `eid-owner-${kind}@example.com`);
    const other = await signUp(app, `eid-other-${kind}@example.com`);
    const { externalId } = await issue(owner);
    const response = await send(app, other, 'POST', '/api/accounts', { name: 'Stolen', mode: 'role', roleArn: newRole(externalId), externalId });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).message).toContain('This ExternalId was not issued to you');
  });

  it('rotates to another role of the same AWS account, keeping the ExternalId, but not to another AWS account', async () => {
    const user = await signUp(app, `role-rotate-${kind}@example.com`);
    const { externalId } = await issue(user);
    const created = await send(app, user, 'POST', '/api/accounts', { name: 'Rotating', mode: 'role', roleArn: newRole(externalId) });
    const account = created.json<AccountBody>();

    const sameAccount = newRole(externalId);
    const rotated = await send(app, user, 'POST', `/api/accounts/${account.id}/credentials`, { mode: 'role', roleArn: sameAccount });
    expect(rotated.statusCode, rotated.body).toBe(200);
    expect(rotated.json<AccountBody>()).toMatchObject({ roleArn: sameAccount, externalId, awsAccountId: '210987654321' });

    const elsewhere = await send(app, user, 'POST', `/api/accounts/${account.id}/credentials`, { mode: 'role', roleArn: newRole(externalId, '111122223333') });
    expect(elsewhere.statusCode).toBe(409);
    expect(errorOf(elsewhere).message).toContain('These credentials belong to AWS account 111122223333, not 210987654321');
    expect((await send(app, user, 'GET', `/api/accounts/${account.id}`)).json<AccountBody>().roleArn).toBe(sameAccount);
  });

  it('leaves the principal to the template when the operator has not configured it', async () => {
    const bare = await accountsApp(database, testKeyring(), { AWS_ENDPOINT_URL: sts.url });
    try {
      const user = await signUp(bare, `bare-${kind}@example.com`);
      const setup = (await send(bare, user, 'POST', '/api/accounts/external-id')).json<Setup>();
      expect(setup.principalArn).toBeNull();
      expect(setup.cloudFormationTemplate).toContain('CloudsweepPrincipalArn:');
      expect(setup.cloudFormationTemplate).not.toContain('Default: \'arn:');
      const withBody = await send(bare, user, 'POST', '/api/accounts/external-id', { externalId: 'mine' });
      expect(withBody.statusCode).toBe(400);
      expect(errorOf(withBody).message).toContain('Unknown field: externalId');
    } finally {
      await bare.close();
    }
  });
});
