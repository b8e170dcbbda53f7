import { defineCheck, fail, noSettings, pass } from '../../core/check.js';
import { logsLogGroups } from '../../collectors/logs/log-groups.js';

export const groupEncrypted = defineCheck({
  id: 'logs.group-encrypted',
  title: 'CloudWatch log groups are encrypted with a KMS key',
  kind: 'security',
  severity: 'low',
  description:
    'CloudWatch Logs always encrypts log data at rest with a service key. Associating a customer ' +
    'managed KMS key adds a separate, audited permission to read logs that may hold secrets or ' +
    'personal data, and lets you revoke access by disabling the key.',
  remediation: {
    text: 'Associate a KMS key whose policy allows the CloudWatch Logs service principal (aws logs associate-kms-key).',
    url: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html',
  },
  compliance: [],
  uses: { logGroups: logsLogGroups },
  settings: noSettings,
  evaluate: ({ logGroups }) =>
    logGroups.map((group) =>
      group.data.kmsKeyId
        ? pass(group, `Log group ${group.id} is encrypted with KMS key ${group.data.kmsKeyId}`)
        : fail(group, `Log group ${group.id} uses only the service-owned encryption key`),
    ),
});
