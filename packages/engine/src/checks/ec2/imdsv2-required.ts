import { ec2Instances } from '../../collectors/ec2/instances.js';
import { defineCheck, fail, noSettings, pass, unknown } from '../../core/check.js';

// Terminated instances linger in DescribeInstances for about an hour; they cannot be fixed.
const GONE = new Set(['shutting-down', 'terminated']);

export const imdsv2Required = defineCheck({
  id: 'ec2.imdsv2-required',
  title: 'EC2 instances require IMDSv2',
  kind: 'security',
  severity: 'medium',
  description:
    'IMDSv1 answers any plain HTTP GET, so a server-side request forgery bug in an application can ' +
    "read the instance role's credentials. IMDSv2 requires a session token obtained with a PUT, which blocks that.",
  remediation: {
    text: 'Set HttpTokens to required (aws ec2 modify-instance-metadata-options --http-tokens required) after checking the software on the instance uses IMDSv2.',
    url: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-existing-instances.html',
  },
  compliance: ['CIS-5.0:5.7'],
  uses: { instances: ec2Instances },
  settings: noSettings,
  evaluate: ({ instances }) =>
    instances
      .filter((instance) => !GONE.has(instance.data.State?.Name ?? ''))
      .map((instance) => {
        const options = instance.data.MetadataOptions;
        if (!options?.HttpTokens) return unknown(instance, `Instance ${instance.id} reports no metadata options`);
        if (options.HttpEndpoint === 'disabled') return pass(instance, `Instance ${instance.id} has the metadata service disabled`);
        return options.HttpTokens === 'required'
          ? pass(instance, `Instance ${instance.id} requires IMDSv2`)
          : fail(instance, `Instance ${instance.id} accepts IMDSv1 (HttpTokens ${options.HttpTokens})`);
      }),
});
