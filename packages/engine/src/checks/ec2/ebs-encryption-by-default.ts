import { ec2EbsEncryptionDefault } from '../../collectors/ec2/ebs-encryption-default.js';
import { defineCheck, fail, noSettings, pass, unknown } from '../../core/check.js';

export const ebsEncryptionByDefault = defineCheck({
  id: 'ec2.ebs-encryption-by-default',
  title: 'EBS encryption by default is on in every region',
  kind: 'security',
  severity: 'medium',
  description:
    'With encryption by default on, every new EBS volume and snapshot copy in the region is ' +
    'encrypted even when whoever creates it forgets to ask. The setting is per region.',
  remediation: {
    text: 'Turn on encryption by default in each region (EC2 console > Account attributes > Data protection and security, or aws ec2 enable-ebs-encryption-by-default).',
    url: 'https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html',
  },
  compliance: ['CIS-5.0:5.1.1'],
  uses: { settings: ec2EbsEncryptionDefault },
  settings: noSettings,
  evaluate: ({ settings }) =>
    settings.map((setting) => {
      const enabled = setting.data.EbsEncryptionByDefault;
      if (enabled === undefined) return unknown(setting, `EBS encryption by default in ${setting.region} was not reported`);
      return enabled
        ? pass(setting, `EBS encryption by default is on in ${setting.region}`)
        : fail(setting, `EBS encryption by default is off in ${setting.region}`);
    }),
});
