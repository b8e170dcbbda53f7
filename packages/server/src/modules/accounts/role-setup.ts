import { randomBytes } from 'node:crypto';
import type { RoleSetup } from '@cloudsweep/contract';
import { allChecks, leastPrivilegePolicy } from '@cloudsweep/engine';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { insertPendingExternalId, prunePendingExternalIds } from './external-ids.repository.js';

/** Long enough to set up the role in the AWS console or CloudFormation and come back. */
const EXTERNAL_ID_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** A user asking again and again keeps only this many unused ExternalIds. */
const MAX_PENDING_PER_USER = 20;

/**
 * 32 random bytes (256 bits), base64url: every character is one AWS allows in an ExternalId.
 * The server picks it so a client cannot choose a guessable one (the ExternalId is what stops
 * another Cloudsweep user from getting us to scan your role).
 */
function newExternalId(): string {
  return `cs-${randomBytes(32).toString('base64url')}`;
}

type Policy = ReturnType<typeof leastPrivilegePolicy>;

// YAML single-quoted scalars: the only escape is a doubled quote.
function quoted(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

function parameters(principalArn: string | undefined): string[] {
  return [
    'Parameters:',
    '  CloudsweepPrincipalArn:',
    '    Type: String',
    "    Description: The AWS principal Cloudsweep's server runs as (ask your Cloudsweep operator)",
    "    AllowedPattern: '^arn:aws(-cn|-us-gov)?:(iam|sts)::[0-9]{12}:.+$'",
    // Unconfigured: no default, so CloudFormation asks rather than trusting a placeholder account.
    ...(principalArn ? [`    Default: ${quoted(principalArn)}`] : []),
    '  RoleName:',
    '    Type: String',
    '    Default: CloudsweepReadOnly',
  ];
}

function trustPolicy(externalId: string): string[] {
  return [
    '      AssumeRolePolicyDocument:',
    "        Version: '2012-10-17'",
    '        Statement:',
    '          - Effect: Allow',
    '            Principal:',
    '              AWS: !Ref CloudsweepPrincipalArn',
    '            Action: sts:AssumeRole',
    '            Condition:',
    '              StringEquals:',
    `                sts:ExternalId: ${quoted(externalId)}`,
  ];
}

function permissions(policy: Policy): string[] {
  return [
    '      Policies:',
    '        - PolicyName: CloudsweepReadOnly',
    '          PolicyDocument:',
    "            Version: '2012-10-17'",
    '            Statement:',
    '              - Sid: CloudsweepReadOnly',
    '                Effect: Allow',
    '                Action:',
    ...policy.Statement.flatMap((s) => s.Action).map((a) => `                  - ${quoted(a)}`),
    "                Resource: '*'",
  ];
}

/** The read-only role (CloudFormation YAML), trusting Cloudsweep's principal only with this ExternalId. */
function roleTemplate(externalId: string, principalArn: string | undefined, policy: Policy): string {
  return [
    "AWSTemplateFormatVersion: '2010-09-09'",
    'Description: Read-only role for Cloudsweep scans, assumable only with your ExternalId',
    ...parameters(principalArn),
    'Resources:',
    '  CloudsweepRole:',
    '    Type: AWS::IAM::Role',
    '    Properties:',
    '      RoleName: !Ref RoleName',
    '      MaxSessionDuration: 3600',
    ...trustPolicy(externalId),
    ...permissions(policy),
    'Outputs:',
    '  RoleArn:',
    '    Description: Paste this into Cloudsweep',
    '    Value: !GetAtt CloudsweepRole.Arn',
    '',
  ].join('\n');
}

/**
 * Issues a fresh ExternalId, kept server-side as pending for this user until an account uses
 * it (or it expires), with the role template and the policy the UI shows.
 */
export async function issueRoleSetup(db: Kysely<Database>, userId: string, principalArn: string | undefined): Promise<RoleSetup> {
  const now = new Date();
  const externalId = newExternalId();
  const expiresAt = new Date(now.getTime() + EXTERNAL_ID_TTL_MS).toISOString();
  await db.transaction().execute(async (trx) => {
    await insertPendingExternalId(trx, { externalId, userId, createdAt: now.toISOString(), expiresAt });
    await prunePendingExternalIds(trx, userId, now.toISOString(), MAX_PENDING_PER_USER);
  });
  const policy = leastPrivilegePolicy(allChecks);
  return {
    externalId,
    expiresAt,
    principalArn: principalArn ?? null,
    cloudFormationTemplate: roleTemplate(externalId, principalArn, policy),
    policy: { Version: policy.Version, Statement: policy.Statement.map((s) => ({ ...s, Action: [...s.Action] })) },
  };
}
