import {
  DescribeKeyCommand,
  GetKeyRotationStatusCommand,
  paginateListKeys,
  type KeyListEntry,
  type KeyMetadata,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { defineCollector, type CollectorContext } from '../../core/collector.js';
import type { Resource } from '../../core/resource.js';
import { orError, type CallError } from '../call-errors.js';

/** Automatic rotation of a key; null when rotation does not apply (see `rotationApplies`). */
export type KeyRotation = { readonly enabled: boolean; readonly periodInDays: number | null } | CallError;

export type KmsKeyData =
  | { readonly metadata: KeyMetadata; readonly rotation: KeyRotation | null }
  | CallError;

export const kmsKeys = defineCollector<KmsKeyData>({
  id: 'kms.keys',
  service: 'kms',
  scope: 'regional',
  permissions: ['kms:ListKeys', 'kms:DescribeKey', 'kms:GetKeyRotationStatus'],
  async *collect(ctx) {
    const client = ctx.aws.client('kms', ctx.region);
    for await (const page of paginateListKeys({ client, pageSize: 1000 }, {})) {
      // The keys of one page are described concurrently (the call governor caps them).
      const resources = await Promise.all(
        (page.Keys ?? []).map(async (key) => keyResource(ctx, key, await readKey(ctx, client, key.KeyId ?? ''))),
      );
      yield* resources;
    }
  },
});

/**
 * Only enabled, customer managed, symmetric keys with KMS-generated material can rotate
 * automatically; GetKeyRotationStatus is skipped for the rest (AWS managed keys rotate yearly
 * on their own, imported and custom key store material cannot rotate).
 */
export function rotationApplies(metadata: KeyMetadata): boolean {
  return (
    metadata.KeyManager === 'CUSTOMER' &&
    metadata.KeySpec === 'SYMMETRIC_DEFAULT' &&
    metadata.KeyState === 'Enabled' &&
    (metadata.Origin ?? 'AWS_KMS') === 'AWS_KMS'
  );
}

async function readKey(ctx: CollectorContext, client: KMSClient, KeyId: string): Promise<KmsKeyData> {
  const metadata = await orError(ctx.signal, client.send(new DescribeKeyCommand({ KeyId })).then((o) => o.KeyMetadata));
  if (metadata === undefined) return { error: 'NoKeyMetadata' };
  if ('error' in metadata) return metadata;
  if (!rotationApplies(metadata)) return { metadata, rotation: null };
  const rotation = await orError(
    ctx.signal,
    client.send(new GetKeyRotationStatusCommand({ KeyId })).then((o) => ({
      enabled: o.KeyRotationEnabled ?? false,
      periodInDays: o.RotationPeriodInDays ?? null,
    })),
  );
  return { metadata, rotation };
}

function keyResource(ctx: CollectorContext, key: KeyListEntry, data: KmsKeyData): Resource<KmsKeyData> {
  const id = key.KeyId ?? '';
  return {
    arn: key.KeyArn ?? `arn:${ctx.partition}:kms:${ctx.region}:${ctx.accountId}:key/${id}`,
    id,
    type: 'AWS::KMS::Key',
    region: ctx.region,
    accountId: ctx.accountId,
    tags: {},
    data,
  };
}
