import { iamAccountSummary } from './account-summary.js';
import { iamCredentialReport } from './credential-report.js';
import { iamPasswordPolicy } from './password-policy.js';
import { iamPolicies } from './policies.js';
import { iamRoles } from './roles.js';
import { iamServerCertificates } from './server-certificates.js';
import { iamUsers } from './users.js';
import { iamVirtualMfaDevices } from './virtual-mfa-devices.js';

/** Every IAM collector, sorted by id. */
export const iamCollectors = [
  iamAccountSummary,
  iamCredentialReport,
  iamPasswordPolicy,
  iamPolicies,
  iamRoles,
  iamServerCertificates,
  iamUsers,
  iamVirtualMfaDevices,
] as const;
