import type { IamData } from '../model.js';

/** GetAccountSummary's SummaryMap: counts derived from the model plus AWS's default quotas. */
export function accountSummary(iam: IamData): Record<string, number> {
  const mfaInUse = iam.users.filter((u) => u.mfa).length + (iam.root.mfa ? 1 : 0);
  return {
    AccountMFAEnabled: iam.root.mfa ? 1 : 0,
    AccountAccessKeysPresent: iam.root.accessKeys.length > 0 ? 1 : 0,
    AccountSigningCertificatesPresent: 0,
    AccessKeysPerUserQuota: 2,
    AssumeRolePolicySizeQuota: 2048,
    AttachedPoliciesPerGroupQuota: 10,
    AttachedPoliciesPerRoleQuota: 10,
    AttachedPoliciesPerUserQuota: 10,
    GlobalEndpointTokenVersion: 1,
    GroupPolicySizeQuota: 5120,
    Groups: iam.groups.length,
    GroupsPerUserQuota: 10,
    GroupsQuota: 300,
    InstanceProfiles: iam.roles.filter((r) => r.name.startsWith('ec2-role')).length,
    InstanceProfilesQuota: 1000,
    MFADevices: mfaInUse + 1,
    MFADevicesInUse: mfaInUse,
    Policies: iam.policies.filter((p) => !p.awsManaged).length,
    PoliciesQuota: 1500,
    PolicySizeQuota: 6144,
    PolicyVersionsInUse: iam.policies.reduce((n, p) => n + p.attachmentCount, 0),
    PolicyVersionsInUseQuota: 10000,
    Providers: 0,
    RolePolicySizeQuota: 10240,
    Roles: iam.roles.length,
    RolesQuota: 1000,
    ServerCertificates: iam.serverCertificates.length,
    ServerCertificatesQuota: 20,
    SigningCertificatesPerUserQuota: 2,
    UserPolicySizeQuota: 2048,
    Users: iam.users.length,
    UsersQuota: 5000,
    VersionsPerPolicyQuota: 5,
  };
}
