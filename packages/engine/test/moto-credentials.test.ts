// Credential sources against moto: explicit keys, and AssumeRole with an ExternalId into
// another account (moto acts in the account the role ARN names).
import { startMoto, type RunningMoto } from '@cloudsweep/aws-sim/moto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scan, ScanSetupError, type ScanEvent, type ScanOptions } from '../src/index.js';
import { TEST_CREDENTIALS } from './moto-seed.js';

let moto: RunningMoto;
beforeAll(async () => {
  moto = await startMoto();
}, 60_000);
afterAll(async () => {
  await moto?.stop();
});

async function plannedAccount(credentials: ScanOptions['credentials']): Promise<string> {
  const events: ScanEvent[] = [];
  for await (const event of scan({ credentials, regions: ['us-east-1'], endpoint: moto.url, checks: ['ec2.volume-attached'] })) {
    events.push(event);
  }
  const planned = events.find((e) => e.type === 'planned');
  return planned?.type === 'planned' ? planned.plan.accountId : '';
}

describe('credential sources', () => {
  it('scans with explicit keys, confirming the identity first', async () => {
    expect(await plannedAccount({ kind: 'keys', ...TEST_CREDENTIALS })).toBe('123456789012');
  });

  it('assumes a role with an ExternalId and scans the account the role belongs to', async () => {
    const account = await plannedAccount({
      kind: 'role',
      roleArn: 'arn:aws:iam::111122223333:role/cloudsweep-readonly',
      externalId: 'cs-7f3a9c1e5b2d4f60a8e1c3b5d7f9a1c3',
      source: { kind: 'keys', ...TEST_CREDENTIALS },
    });
    expect(account).toBe('111122223333');
  });

  it('rejects a malformed role ARN before any call, saying what one looks like', async () => {
    const run = plannedAccount({ kind: 'role', roleArn: 'not-an-arn', source: { kind: 'keys', ...TEST_CREDENTIALS } });
    await expect(run).rejects.toThrow(ScanSetupError);
    await expect(run).rejects.toThrow(/Role ARN must look like arn:aws:iam::123456789012:role\/name/);
  });

  it('rejects temporary keys without their session token', async () => {
    const run = plannedAccount({ kind: 'keys', accessKeyId: 'ASIAIOSFODNN7EXAMPLE', secretAccessKey: TEST_CREDENTIALS.secretAccessKey });
    await expect(run).rejects.toThrow(/Temporary keys \(ASIA\.\.\.\) need their session token/);
  });

  it('fails set-up as a network problem when the endpoint is unreachable', async () => {
    const run = (async () => {
      for await (const event of scan({
        credentials: { kind: 'keys', ...TEST_CREDENTIALS }, regions: ['us-east-1'], endpoint: 'http://127.0.0.1:1', maxAttempts: 1,
      })) void event;
    })();
    await expect(run).rejects.toMatchObject({ name: 'ScanSetupError', code: 'network' });
  });
});
