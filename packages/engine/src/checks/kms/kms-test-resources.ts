// Test-only builder for KMS check tests.
import type { KeyMetadata } from '@aws-sdk/client-kms';
import type { KeyRotation, KmsKeyData } from '../../collectors/kms/keys.js';
import { aResource } from '../check-test-kit.js';

export function aKey(id: string, metadata: Partial<KeyMetadata> | { error: string }, rotation: KeyRotation | null = null, region = 'us-east-1') {
  const data: KmsKeyData =
    'error' in metadata
      ? metadata
      : { metadata: { KeyId: id, KeyManager: 'CUSTOMER', KeySpec: 'SYMMETRIC_DEFAULT', KeyState: 'Enabled', ...metadata }, rotation };
  return aResource(data, { id, region, type: 'AWS::KMS::Key' });
}
