import { defineCheck, fail, noSettings, pass, unknown, type Outcome } from '../../core/check.js';
import { kmsKeys } from '../../collectors/kms/keys.js';
import { PRICE_DATE, US_EAST_1 } from '../../pricing/price-table.js';

// KMS charges the same per key in every commercial region, so no regional factor applies.
const KEY_MONTH = {
  monthlyUsd: US_EAST_1.kmsKeyMonth,
  basis: `$${US_EAST_1.kmsKeyMonth.toFixed(2)}/month per customer managed KMS key (all regions, list price of ${PRICE_DATE})`,
};

export const disabledKeyUnused = defineCheck({
  id: 'kms.disabled-key-unused',
  title: 'No disabled customer managed KMS keys are kept',
  kind: 'cost',
  severity: 'low',
  description:
    'A customer managed KMS key is billed monthly while it exists, including while it is ' +
    'disabled. A key disabled long ago is usually no longer needed; scheduling its deletion ' +
    'stops the charge (keys pending deletion are not billed). Delete only when no data ' +
    'encrypted under the key must be read again.',
  remediation: {
    text:
      'Confirm nothing still needs the key (CloudTrail shows its last use), then schedule its ' +
      'deletion with a 7 to 30 day waiting period; cancel during the wait if something breaks.',
    url: 'https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys.html',
  },
  compliance: [],
  uses: { keys: kmsKeys },
  settings: noSettings,
  evaluate: ({ keys }) =>
    keys.flatMap((key): Outcome[] => {
      const { data } = key;
      if ('error' in data) return [unknown(key, `Could not describe KMS key ${key.id} (${data.error})`)];
      // AWS managed keys carry no monthly fee and cannot be deleted: not reported.
      if (data.metadata.KeyManager !== 'CUSTOMER') return [];
      const state = data.metadata.KeyState ?? 'Unknown';
      if (state !== 'Disabled') return [pass(key, `KMS key ${key.id} is ${state}`)];
      return [
        fail(
          key,
          `KMS key ${key.id} is disabled but still billed as a customer managed key`,
          KEY_MONTH,
        ),
      ];
    }),
});
