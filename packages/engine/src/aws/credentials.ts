import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { fromNodeProviderChain, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { z } from 'zod';
import type { AwsClients } from './clients.js';

export const ACCESS_KEY_ID = /^(AKIA|ASIA)[A-Z0-9]{16}$/;
export const ROLE_ARN = /^arn:aws(-cn|-us-gov)?:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;

const KeysSchema = z
  .object({
    kind: z.literal('keys'),
    accessKeyId: z.string().regex(ACCESS_KEY_ID, 'Access key id must be 20 characters starting with AKIA or ASIA'),
    secretAccessKey: z.string().length(40, 'Secret access key must be exactly 40 characters'),
    sessionToken: z.string().min(1).optional(),
  })
  .strict()
  .refine((k) => !k.accessKeyId.startsWith('ASIA') || k.sessionToken !== undefined, {
    message: 'Temporary keys (ASIA...) need their session token',
    path: ['sessionToken'],
  });

const DefaultChainSchema = z.object({ kind: z.literal('default'), profile: z.string().min(1).optional() }).strict();

const RoleSchema = z
  .object({
    kind: z.literal('role'),
    roleArn: z.string().regex(ROLE_ARN, 'Role ARN must look like arn:aws:iam::123456789012:role/name'),
    externalId: z.string().min(2).max(1224).optional(),
    sessionName: z.string().regex(/^[\w+=,.@-]{2,64}$/).default('cloudsweep'),
    /** Credentials that assume the role; the default chain when absent. */
    source: z.union([KeysSchema, DefaultChainSchema]).optional(),
  })
  .strict();

export const CredentialSourceSchema = z.union([DefaultChainSchema, KeysSchema, RoleSchema]);
export type CredentialSource = z.input<typeof CredentialSourceSchema>;
type ParsedSource = z.output<typeof CredentialSourceSchema>;

export interface CredentialContext {
  /** Region for STS; regional endpoints keep working when the global one is unreachable. */
  readonly region: string;
  readonly endpoint?: string | undefined;
}

export function credentialProvider(source: ParsedSource, ctx: CredentialContext): AwsCredentialIdentityProvider {
  switch (source.kind) {
    case 'keys': {
      const identity = {
        accessKeyId: source.accessKeyId,
        secretAccessKey: source.secretAccessKey,
        ...(source.sessionToken ? { sessionToken: source.sessionToken } : {}),
      };
      return async () => identity;
    }
    case 'default':
      return fromNodeProviderChain(source.profile ? { profile: source.profile } : {});
    case 'role':
      return fromTemporaryCredentials({
        params: {
          RoleArn: source.roleArn,
          RoleSessionName: source.sessionName,
          ...(source.externalId ? { ExternalId: source.externalId } : {}),
        },
        ...(source.source ? { masterCredentials: credentialProvider(source.source, ctx) } : {}),
        clientConfig: { region: ctx.region, ...(ctx.endpoint ? { endpoint: ctx.endpoint } : {}) },
      });
  }
}

export interface CallerIdentity {
  readonly accountId: string;
  readonly arn: string;
  readonly partition: string;
}

/** STS GetCallerIdentity: proves the credentials work before any scan call is made. */
export async function confirmIdentity(aws: AwsClients, region: string): Promise<CallerIdentity> {
  const answer = await aws.client('sts', region).send(new GetCallerIdentityCommand({}));
  const arn = answer.Arn ?? '';
  return { accountId: answer.Account ?? '', arn, partition: arn.split(':')[1] || 'aws' };
}
