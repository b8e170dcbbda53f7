import type { KmsKey } from '../model.js';
import { regionDataOf } from '../dispatch.js';
import { checkLimit, paginate } from '../paging.js';
import { compact, num, str, type JsonInput } from '../protocols/json-input.js';
import { SimError, type ServiceContext, type ServiceDef } from '../protocols/types.js';
import { epochSeconds } from '../time.js';

function keys(ctx: ServiceContext): KmsKey[] {
  return regionDataOf(ctx, 'json').kmsKeys;
}

function findKey(ctx: ServiceContext, keyId: string | undefined): KmsKey {
  const key = keys(ctx).find((k) => k.id === keyId || k.arn === keyId);
  if (!key) throw new SimError('NotFoundException', `Key '${keyId ?? ''}' does not exist`, 400);
  return key;
}

function listKeys(input: JsonInput, ctx: ServiceContext): object {
  const limit = checkLimit(num(input, 'Limit'), 1, 1000, 'ValidationException', 'Limit') ?? 100;
  const page = paginate(keys(ctx), { scope: `kms:${ctx.region}`, token: str(input, 'Marker'), limit, invalidTokenCode: 'InvalidMarkerException', notePage: ctx.notePage });
  return compact({ Keys: page.items.map((k) => ({ KeyId: k.id, KeyArn: k.arn })), NextMarker: page.nextToken, Truncated: page.nextToken !== undefined });
}

const USAGE = { SYMMETRIC_DEFAULT: 'ENCRYPT_DECRYPT', RSA_2048: 'ENCRYPT_DECRYPT', ECC_NIST_P256: 'SIGN_VERIFY' } as const;
const ALGORITHMS = { SYMMETRIC_DEFAULT: ['SYMMETRIC_DEFAULT'], RSA_2048: ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256'], ECC_NIST_P256: [] } as const;

function describeKey(input: JsonInput, ctx: ServiceContext): object {
  const k = findKey(ctx, str(input, 'KeyId'));
  return { KeyMetadata: compact({
    AWSAccountId: ctx.account.accountId, KeyId: k.id, Arn: k.arn, CreationDate: epochSeconds(k.createTime), Enabled: k.state === 'Enabled',
    Description: k.description, KeyUsage: USAGE[k.spec], KeyState: k.state, DeletionDate: k.deletionTime === undefined ? undefined : epochSeconds(k.deletionTime),
    PendingDeletionWindowInDays: k.deletionTime === undefined ? undefined : 30, Origin: 'AWS_KMS', KeyManager: k.manager,
    CustomerMasterKeySpec: k.spec, KeySpec: k.spec, EncryptionAlgorithms: k.spec === 'ECC_NIST_P256' ? undefined : [...ALGORITHMS[k.spec]],
    SigningAlgorithms: k.spec === 'ECC_NIST_P256' ? ['ECDSA_SHA_256'] : undefined, MultiRegion: false,
  }) };
}

/** Asymmetric keys cannot rotate, and keys pending deletion reject the call, as in AWS. */
function getKeyRotationStatus(input: JsonInput, ctx: ServiceContext): object {
  const k = findKey(ctx, str(input, 'KeyId'));
  if (k.spec !== 'SYMMETRIC_DEFAULT') throw new SimError('UnsupportedOperationException', `${k.arn} key has a KeySpec that does not support rotation`, 400);
  if (k.state === 'PendingDeletion') throw new SimError('KMSInvalidStateException', `${k.arn} is pending deletion.`, 400);
  return compact({
    KeyRotationEnabled: k.rotationEnabled, KeyId: k.arn, RotationPeriodInDays: k.rotationEnabled ? 365 : undefined,
    NextRotationDate: k.rotationEnabled ? epochSeconds(ctx.account.now + 90 * 86_400_000) : undefined,
  });
}

export const kmsService: ServiceDef = {
  id: 'kms', protocol: 'json',
  actions: { ListKeys: listKeys, DescribeKey: describeKey, GetKeyRotationStatus: getKeyRotationStatus },
};
