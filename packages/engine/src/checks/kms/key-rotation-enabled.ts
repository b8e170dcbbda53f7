import { defineCheck, fail, noSettings, pass, unknown, type Outcome } from '../../core/check.js';
import { kmsKeys } from '../../collectors/kms/keys.js';

export const keyRotationEnabled = defineCheck({
  id: 'kms.key-rotation-enabled',
  title: 'Customer managed KMS keys rotate automatically',
  kind: 'security',
  severity: 'medium',
  description:
    'Automatic rotation creates new key material on a schedule (yearly by default) while old ' +
    'ciphertext stays readable, which limits how much data one compromised key version exposes. ' +
    'Applies to enabled customer managed symmetric keys with KMS-generated material; AWS managed ' +
    'keys rotate on their own and are not reported.',
  remediation: {
    text: 'Enable automatic key rotation on the key (aws kms enable-key-rotation --key-id <id>).',
    url: 'https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html',
  },
  compliance: ['CIS-5.0:3.6'],
  uses: { keys: kmsKeys },
  settings: noSettings,
  evaluate: ({ keys }) =>
    keys.flatMap((key): Outcome[] => {
      const { data } = key;
      if ('error' in data) return [unknown(key, `Could not describe KMS key ${key.id} (${data.error})`)];
      // The collector reads rotation only where it applies (see rotationApplies); the rest are skipped.
      if (data.rotation === null) return [];
      if ('error' in data.rotation) {
        return [unknown(key, `Could not read rotation status of KMS key ${key.id} (${data.rotation.error})`)];
      }
      const { enabled, periodInDays } = data.rotation;
      const label = data.metadata.Description ? `${key.id} (${data.metadata.Description})` : key.id;
      return enabled
        ? [pass(key, `KMS key ${label} rotates every ${periodInDays ?? 365} days`)]
        : [fail(key, `KMS key ${label} does not rotate automatically`)];
    }),
});
