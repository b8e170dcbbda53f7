import { verifyAwsAccess } from '@cloudsweep/engine';
import type { Kysely } from 'kysely';
import { recordAudit, type Origin } from '../../audit/audit.service.js';
import type { Config } from '../../config.js';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { credentialSourceOf, type NewCredentials } from './account-credentials.js';

export interface VerificationSubject {
  readonly userId: string;
  /** The account being rotated; null while creating one. */
  readonly accountId: string | null;
  readonly origin: Origin;
}

export interface VerifiedIdentity {
  readonly awsAccountId: string;
  readonly arn: string;
}

/**
 * STS proves the credentials before anything is saved (role mode: assumable with the
 * ExternalId and refused without it). A failure is audited and answered 422 with what failed;
 * the AWS error code, request id and step go in `details`.
 */
export async function verifyCredentials(
  db: Kysely<Database>,
  config: Config,
  credentials: NewCredentials,
  subject: VerificationSubject,
): Promise<VerifiedIdentity> {
  const result = await verifyAwsAccess(credentialSourceOf(credentials), { endpoint: config.aws.endpoint });
  if (result.ok) return { awsAccountId: result.accountId, arn: result.arn };
  const details = {
    reason: result.reason,
    step: result.step,
    ...(result.awsErrorCode ? { awsErrorCode: result.awsErrorCode } : {}),
    ...(result.requestId ? { requestId: result.requestId } : {}),
  };
  await recordAudit(db, {
    userId: subject.userId,
    action: 'account.verify_failed',
    targetType: subject.accountId ? 'aws_account' : null,
    targetId: subject.accountId,
    ...subject.origin,
    details: { mode: credentials.mode, ...details },
  });
  throw new AppError('aws_verification_failed', `The AWS credentials were not saved: ${result.message}`, details);
}
