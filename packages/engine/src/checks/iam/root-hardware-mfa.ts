import { defineCheck, fail, noSettings, pass, unknown } from '../../core/check.js';
import { iamAccountSummary } from '../../collectors/iam/account-summary.js';
import { rootAccountRef } from '../../collectors/iam/credential-report.js';
import { iamVirtualMfaDevices } from '../../collectors/iam/virtual-mfa-devices.js';

export const rootHardwareMfa = defineCheck({
  id: 'iam.root-hardware-mfa',
  title: 'The root user uses a hardware MFA device',
  kind: 'security',
  severity: 'high',
  description:
    'A virtual MFA app lives on a phone or computer that can be lost, cloned or compromised along ' +
    'with the password. A hardware key (FIDO security key or hardware TOTP token) keeps the second ' +
    'factor of the most powerful user off general-purpose devices.',
  remediation: {
    text: 'Sign in as the root user, assign a hardware MFA device, then remove the virtual MFA device.',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/enable-hw-mfa-for-root.html',
  },
  compliance: ['CIS-5.0:1.5'],
  uses: { summary: iamAccountSummary, devices: iamVirtualMfaDevices },
  settings: noSettings,
  evaluate: ({ summary, devices }, _settings, ctx) =>
    summary.map(({ data }) => {
      const root = rootAccountRef(ctx.partition, ctx.accountId);
      const mfaEnabled = data.AccountMFAEnabled;
      if (mfaEnabled === undefined) return unknown(root, 'The account summary does not report AccountMFAEnabled');
      // No MFA at all fails here too (it is not hardware MFA); iam.root-mfa-enabled says so as well.
      if (mfaEnabled !== 1) return fail(root, 'The root user has no MFA device at all, so no hardware MFA');
      // The root user's virtual device is assigned to the account ARN (`...:root`).
      const virtual = devices.find((device) => device.data.User?.Arn?.endsWith(':root') === true);
      if (virtual) return fail(root, `The root user's MFA is a virtual device (${virtual.data.SerialNumber ?? virtual.id})`);
      return pass(root, 'The root user has MFA and no virtual MFA device');
    }),
});
