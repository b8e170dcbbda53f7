import { z } from 'zod';
import { STRICT_BODY } from './auth.js';

/*
 * The same formats as the engine's credential schema (`ACCESS_KEY_ID`, `ROLE_ARN` in
 * @cloudsweep/engine); the contract imports no other package, so the server's tests check the
 * two stay equal.
 */
export const ACCESS_KEY_ID_PATTERN = /^(AKIA|ASIA)[A-Z0-9]{16}$/;
export const ROLE_ARN_PATTERN = /^arn:aws(-cn|-us-gov)?:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
/** Characters AWS allows in an ExternalId; ours are long random strings the server issues. */
export const EXTERNAL_ID_PATTERN = /^[\w+=,.@:/-]{32,1224}$/;

const NameSchema = z
  .string({ error: 'Give the account a name' })
  .trim()
  .min(1, 'Give the account a name')
  .max(100, 'An account name is at most 100 characters');

const AccessKeyIdSchema = z
  .string({ error: 'Enter the access key id' })
  .trim()
  .regex(ACCESS_KEY_ID_PATTERN, 'Access key ids are 20 characters starting with AKIA or ASIA');

const SecretAccessKeySchema = z
  .string({ error: 'Enter the secret access key' })
  .trim()
  .regex(/^[A-Za-z0-9/+]{40}$/, 'Secret access keys are 40 characters (letters, digits, / and +)');

const SessionTokenSchema = z
  .string({ error: 'The session token must be text' })
  .trim()
  .min(1, 'The session token is empty; leave it out for long-term (AKIA...) keys')
  .max(4096, 'A session token is at most 4096 characters');

const RoleArnSchema = z
  .string({ error: 'Enter the role ARN' })
  .trim()
  .regex(ROLE_ARN_PATTERN, 'A role ARN looks like arn:aws:iam::123456789012:role/name');

export const ExternalIdSchema = z
  .string({ error: 'The ExternalId must be text' })
  .regex(EXTERNAL_ID_PATTERN, 'Use the ExternalId Cloudsweep generated for you (POST /api/accounts/external-id)');

/** ASIA keys are temporary and useless without their token; AKIA keys never have one. */
function checkSessionToken(keys: { accessKeyId: string; sessionToken?: string | undefined }, ctx: z.RefinementCtx): void {
  const temporary = keys.accessKeyId.startsWith('ASIA');
  if (temporary && keys.sessionToken === undefined) {
    ctx.addIssue({ code: 'custom', path: ['sessionToken'], message: 'Temporary access keys (ASIA...) need their session token' });
  }
  if (!temporary && keys.sessionToken !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['sessionToken'], message: 'Long-term access keys (AKIA...) have no session token; leave it out' });
  }
}

const roleShape = {
  mode: z.literal('role'),
  roleArn: RoleArnSchema,
  /** One the server issued to this user; when absent, the user's latest pending one. */
  externalId: ExternalIdSchema.optional(),
};

const keysShape = {
  mode: z.literal('keys'),
  accessKeyId: AccessKeyIdSchema,
  secretAccessKey: SecretAccessKeySchema,
  sessionToken: SessionTokenSchema.optional(),
};

const MODE_ERROR = {
  error: (issue: { input?: unknown }) =>
    typeof issue.input === 'object' && issue.input !== null && !Array.isArray(issue.input)
      ? 'mode must be "role" (recommended) or "keys"'
      : 'Send a JSON object',
};

export const CreateAccountBodySchema = z.discriminatedUnion(
  'mode',
  [
    z.strictObject({ name: NameSchema, ...roleShape }, STRICT_BODY),
    z.strictObject({ name: NameSchema, ...keysShape }, STRICT_BODY).superRefine(checkSessionToken),
  ],
  MODE_ERROR,
);
export type CreateAccountBody = z.infer<typeof CreateAccountBodySchema>;

/** Replaces the credentials (role or keys) of an account; they are verified before saving. */
export const RotateCredentialsBodySchema = z.discriminatedUnion(
  'mode',
  [z.strictObject(roleShape, STRICT_BODY), z.strictObject(keysShape, STRICT_BODY).superRefine(checkSessionToken)],
  MODE_ERROR,
);
export type RotateCredentialsBody = z.infer<typeof RotateCredentialsBodySchema>;

export const AccountIdParamsSchema = z.strictObject({ id: z.string().min(1).max(100) }, STRICT_BODY);

export const AccountModeSchema = z.enum(['role', 'keys', 'sample']);
export type AccountMode = z.infer<typeof AccountModeSchema>;

/** An account as every route shows it: no secret, the access key id masked. */
export const AccountSchema = z.object({
  id: z.string(),
  name: z.string(),
  mode: AccountModeSchema,
  /** Sample data from the built-in simulator, not a real AWS account. */
  sample: z.boolean(),
  awsAccountId: z.string().nullable(),
  roleArn: z.string().nullable(),
  /** Shown to its owner only (the routes are per user); not a secret, but not public either. */
  externalId: z.string().nullable(),
  /** Like AKIA************WXYZ. */
  accessKeyId: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Account = z.infer<typeof AccountSchema>;

export const AccountListSchema = z.object({ accounts: z.array(AccountSchema) });
export type AccountList = z.infer<typeof AccountListSchema>;

export const IamPolicySchema = z.object({
  Version: z.literal('2012-10-17'),
  Statement: z.array(z.object({ Sid: z.string(), Effect: z.literal('Allow'), Action: z.array(z.string()), Resource: z.literal('*') })),
});

/** What the UI shows before the user creates the role in their AWS account. */
export const RoleSetupSchema = z.object({
  externalId: z.string(),
  /** After this the ExternalId can no longer be used to connect an account. */
  expiresAt: z.string(),
  /** The principal the role must trust; null when the operator has not configured it (the template then asks). */
  principalArn: z.string().nullable(),
  /** A CloudFormation template (YAML) creating the read-only role. */
  cloudFormationTemplate: z.string(),
  /** The least-privilege read-only policy the role gets. */
  policy: IamPolicySchema,
});
export type RoleSetup = z.infer<typeof RoleSetupSchema>;
