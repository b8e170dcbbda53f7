import { accessKeysRotated } from './access-keys-rotated.js';
import { consoleUsersHaveMfa } from './console-users-have-mfa.js';
import { noExpiredServerCertificates } from './no-expired-server-certificates.js';
import { noFullAdminPolicies } from './no-full-admin-policies.js';
import { oneActiveKeyPerUser } from './one-active-key-per-user.js';
import { passwordMinLength14 } from './password-min-length-14.js';
import { passwordReuse24 } from './password-reuse-24.js';
import { rootHardwareMfa } from './root-hardware-mfa.js';
import { rootMfaEnabled } from './root-mfa-enabled.js';
import { rootNoAccessKeys } from './root-no-access-keys.js';
import { rootNotUsedRecently } from './root-not-used-recently.js';
import { supportRoleExists } from './support-role-exists.js';
import { unusedCredentialsDisabled } from './unused-credentials-disabled.js';
import { userPermissionsViaGroups } from './user-permissions-via-groups.js';

/** Every IAM check, sorted by id. */
export const iamChecks = [
  accessKeysRotated,
  consoleUsersHaveMfa,
  noExpiredServerCertificates,
  noFullAdminPolicies,
  oneActiveKeyPerUser,
  passwordMinLength14,
  passwordReuse24,
  rootHardwareMfa,
  rootMfaEnabled,
  rootNoAccessKeys,
  rootNotUsedRecently,
  supportRoleExists,
  unusedCredentialsDisabled,
  userPermissionsViaGroups,
] as const;
