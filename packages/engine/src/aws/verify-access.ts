import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { credentialProvider, CredentialSourceSchema, type CredentialSource } from './credentials.js';
import { classifyAwsError, errorFacts, type AwsErrorKind } from './error-kind.js';

/** Which call of the verification failed. */
export type VerifyStep = 'get-caller-identity' | 'assume-role' | 'assume-role-without-external-id';

export type VerifyFailureReason = Exclude<AwsErrorKind, 'region-disabled' | 'aborted'> | 'external-id-not-enforced';

export type VerifyResult =
  | { readonly ok: true; readonly accountId: string; readonly arn: string }
  | {
      readonly ok: false;
      readonly reason: VerifyFailureReason;
      readonly step: VerifyStep;
      /** Written for people: what failed and what to do. */
      readonly message: string;
      readonly awsErrorCode?: string;
      readonly requestId?: string;
    };

export interface VerifyOptions {
  /** STS endpoint override (moto, the simulator, a VPC endpoint). */
  readonly endpoint?: string | undefined;
  readonly region?: string | undefined;
  /** Per call; verification runs inside an HTTP request, so it must answer quickly. */
  readonly timeoutMs?: number | undefined;
}

type Failure = Extract<VerifyResult, { ok: false }>;

interface Sts {
  caller(credentials: AwsCredentialIdentityProvider | AwsCredentialIdentity): Promise<{ accountId: string; arn: string }>;
  assume(credentials: AwsCredentialIdentityProvider, roleArn: string, externalId: string | undefined): Promise<AwsCredentialIdentity>;
}

function stsOf(options: VerifyOptions): Sts {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const client = (credentials: AwsCredentialIdentityProvider | AwsCredentialIdentity): STSClient =>
    new STSClient({
      region: options.region ?? 'us-east-1',
      credentials,
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      // One attempt: a person is waiting on the answer and can simply try again.
      maxAttempts: 1,
      requestHandler: new NodeHttpHandler({ connectionTimeout: Math.min(timeoutMs, 3_000), requestTimeout: timeoutMs, throwOnRequestTimeout: true }),
    });
  return {
    async caller(credentials) {
      const sts = client(credentials);
      try {
        const answer = await sts.send(new GetCallerIdentityCommand({}));
        return { accountId: answer.Account ?? '', arn: answer.Arn ?? '' };
      } finally {
        sts.destroy();
      }
    },
    async assume(credentials, roleArn, externalId) {
      const sts = client(credentials);
      try {
        const answer = await sts.send(
          new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'cloudsweep-verify', DurationSeconds: 900, ...(externalId ? { ExternalId: externalId } : {}) }),
        );
        const c = answer.Credentials;
        if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error('AssumeRole answered without credentials');
        return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, ...(c.SessionToken ? { sessionToken: c.SessionToken } : {}) };
      } finally {
        sts.destroy();
      }
    },
  };
}

const ADVICE: Readonly<Record<VerifyStep, Partial<Record<VerifyFailureReason, string>>>> = {
  'get-caller-identity': {
    'invalid-credentials': 'AWS did not accept these credentials: check the access key id, the secret access key and, for temporary keys, the session token (they may have expired)',
    'access-denied': 'AWS refused sts:GetCallerIdentity for these credentials',
  },
  'assume-role': {
    'access-denied': 'Cloudsweep could not assume the role with its ExternalId: check that the role exists, that its trust policy allows Cloudsweep\'s AWS principal and that the sts:ExternalId condition matches',
    'invalid-credentials': 'Cloudsweep\'s own AWS credentials, used to assume the role, were refused: the server operator must fix them',
  },
  'assume-role-without-external-id': {},
};

const GENERIC: Readonly<Record<VerifyFailureReason, string>> = {
  'invalid-credentials': 'AWS did not accept the credentials',
  'access-denied': 'AWS refused the request',
  throttled: 'AWS is throttling requests right now; try again in a minute',
  timeout: 'AWS did not answer in time; try again',
  network: 'Could not reach AWS (network error); try again',
  error: 'AWS answered with an unexpected error',
  'external-id-not-enforced': 'The role can be assumed without an ExternalId; add the sts:ExternalId condition to its trust policy',
};

function failure(step: VerifyStep, error: unknown): Failure {
  const facts = errorFacts(error);
  const kind = classifyAwsError(error, false);
  const reason: VerifyFailureReason = kind === 'region-disabled' || kind === 'aborted' ? 'error' : kind;
  return {
    ok: false,
    reason,
    step,
    message: ADVICE[step][reason] ?? GENERIC[reason],
    awsErrorCode: facts.code,
    ...(facts.requestId ? { requestId: facts.requestId } : {}),
  };
}

/**
 * The confused-deputy check: if the role can be assumed without the ExternalId, anyone who
 * learns its ARN and can get Cloudsweep to scan it would reach another customer's account.
 */
async function refuseWithoutExternalId(sts: Sts, master: AwsCredentialIdentityProvider, roleArn: string): Promise<Failure | undefined> {
  try {
    await sts.assume(master, roleArn, undefined);
  } catch (error) {
    if (classifyAwsError(error, false) === 'access-denied') return undefined;
    return failure('assume-role-without-external-id', error);
  }
  return { ok: false, reason: 'external-id-not-enforced', step: 'assume-role-without-external-id', message: GENERIC['external-id-not-enforced'] };
}

/**
 * Proves credentials work before they are saved: STS GetCallerIdentity with them (keys), or
 * (role) AssumeRole with the ExternalId, GetCallerIdentity as the role, and AssumeRole WITHOUT
 * the ExternalId, which must be refused. Expected failures are values; nothing here throws
 * for an AWS answer.
 */
export async function verifyAwsAccess(input: CredentialSource, options: VerifyOptions = {}): Promise<VerifyResult> {
  const source = CredentialSourceSchema.parse(input);
  const sts = stsOf(options);
  const ctx = { region: options.region ?? 'us-east-1', endpoint: options.endpoint };
  if (source.kind !== 'role') {
    try {
      return { ok: true, ...(await sts.caller(credentialProvider(source, ctx))) };
    } catch (error) {
      return failure('get-caller-identity', error);
    }
  }
  const master = credentialProvider(source.source ?? { kind: 'default' }, ctx);
  let assumed: AwsCredentialIdentity;
  try {
    assumed = await sts.assume(master, source.roleArn, source.externalId);
  } catch (error) {
    return failure('assume-role', error);
  }
  let identity: { accountId: string; arn: string };
  try {
    identity = await sts.caller(assumed);
  } catch (error) {
    return failure('get-caller-identity', error);
  }
  const unguarded = source.externalId ? await refuseWithoutExternalId(sts, master, source.roleArn) : undefined;
  return unguarded ?? { ok: true, ...identity };
}
