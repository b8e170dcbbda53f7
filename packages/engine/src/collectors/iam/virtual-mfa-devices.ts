import { paginateListVirtualMFADevices, type VirtualMFADevice } from '@aws-sdk/client-iam';
import { defineCollector } from '../../core/collector.js';
import { GLOBAL_REGION, tagsFromList } from '../../core/resource.js';

export const iamVirtualMfaDevices = defineCollector<VirtualMFADevice>({
  id: 'iam.virtual-mfa-devices',
  service: 'iam',
  scope: 'global',
  permissions: ['iam:ListVirtualMFADevices'],
  async *collect(ctx) {
    const client = ctx.aws.client('iam', ctx.region);
    // No AssignmentStatus filter: assigned and unassigned devices alike.
    for await (const page of paginateListVirtualMFADevices({ client, pageSize: 1000 }, {})) {
      for (const device of page.VirtualMFADevices ?? []) {
        // A virtual device's serial number is its ARN (e.g. ...:mfa/root-account-mfa-device).
        const serial = device.SerialNumber ?? '';
        yield {
          arn: serial,
          id: serial.slice(serial.lastIndexOf('/') + 1),
          type: 'AWS::IAM::VirtualMFADevice',
          region: GLOBAL_REGION,
          accountId: ctx.accountId,
          tags: tagsFromList(device.Tags),
          data: device,
        };
      }
    }
  },
});
