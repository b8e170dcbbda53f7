import { vpcFlowLogs } from '../../collectors/vpc/flow-logs.js';
import { vpcVpcs } from '../../collectors/vpc/vpcs.js';
import { defineCheck, fail, noSettings, pass } from '../../core/check.js';

export const flowLogsEnabled = defineCheck({
  id: 'vpc.flow-logs-enabled',
  title: 'Every VPC has flow logs',
  kind: 'security',
  severity: 'medium',
  description:
    'VPC flow logs record the network connections accepted and rejected in the VPC. Without them ' +
    'there is no trace to detect scanning or exfiltration, or to investigate an incident afterwards.',
  remediation: {
    text: 'Create a flow log for the VPC (at least rejected traffic) delivering to CloudWatch Logs or S3.',
    url: 'https://docs.aws.amazon.com/vpc/latest/userguide/working-with-flow-logs.html',
  },
  compliance: ['CIS-5.0:3.7'],
  uses: { vpcs: vpcVpcs, flowLogs: vpcFlowLogs },
  settings: noSettings,
  evaluate: ({ vpcs, flowLogs }) => {
    // Flow logs on a subnet or network interface cover only part of the VPC: not counted.
    const active = new Map(
      flowLogs.filter((log) => log.data.FlowLogStatus === 'ACTIVE').map((log) => [log.data.ResourceId, log.id]),
    );
    return (
      vpcs
        // A VPC shared with this account through RAM is logged (or not) by its owner account.
        .filter((vpc) => vpc.data.OwnerId === undefined || vpc.data.OwnerId === vpc.accountId)
        .map((vpc) => {
          const name = `VPC ${vpc.id}${vpc.tags.Name ? ` (${vpc.tags.Name})` : ''}`;
          const logId = active.get(vpc.id);
          return logId ? pass(vpc, `${name} has active flow log ${logId}`) : fail(vpc, `${name} has no active flow log`);
        })
    );
  },
});
