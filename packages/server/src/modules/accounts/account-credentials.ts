import type { CreateAccountBody } from '@cloudsweep/contract';
import type { CredentialSource } from '@cloudsweep/engine';
import { z } from 'zod';
import { decryptAccountSecret, encryptAccountSecret } from '../../secrets/account-secret.js';
import type { Keyring } from '../../secrets/keyring.js';
import { Secret } from '../../secrets/secret.js';
import type { CredentialColumns } from './accounts.repository.js';

/**
 * Credentials on their way to verification and storage. The secret parts are `Secret`s from
 * the moment they leave the request body, so no log line or error can print them.
 */
export type NewCredentials =
  | { readonly mode: 'role'; readonly roleArn: string; readonly externalId: string }
  | { readonly mode: 'keys'; readonly accessKeyId: string; readonly secretAccessKey: Secret; readonly sessionToken: Secret | undefined };

type KeysBody = Extract<CreateAccountBody, { mode: 'keys' }>;

export function keysCredentials(body: Pick<KeysBody, 'accessKeyId' | 'secretAccessKey' | 'sessionToken'>): NewCredentials {
  return {
    mode: 'keys',
    accessKeyId: body.accessKeyId,
    secretAccessKey: new Secret(body.secretAccessKey),
    sessionToken: body.sessionToken === undefined ? undefined : new Secret(body.sessionToken),
  };
}

/** What the engine needs to call AWS; the only place secrets are revealed. */
export function credentialSourceOf(credentials: NewCredentials): CredentialSource {
  if (credentials.mode === 'role') return { kind: 'role', roleArn: credentials.roleArn, externalId: credentials.externalId };
  return {
    kind: 'keys',
    accessKeyId: credentials.accessKeyId,
    secretAccessKey: credentials.secretAccessKey.reveal(),
    ...(credentials.sessionToken ? { sessionToken: credentials.sessionToken.reveal() } : {}),
  };
}

/** The plaintext inside `secret_ciphertext`: the secret parts of a keys-mode account, as JSON. */
const StoredKeysSchema = z.strictObject({ secretAccessKey: z.string().length(40), sessionToken: z.string().min(1).optional() });

function sealKeys(keyring: Keyring, accountId: string, credentials: Extract<NewCredentials, { mode: 'keys' }>): string {
  const plaintext = JSON.stringify({
    secretAccessKey: credentials.secretAccessKey.reveal(),
    ...(credentials.sessionToken ? { sessionToken: credentials.sessionToken.reveal() } : {}),
  });
  return encryptAccountSecret(keyring, accountId, new Secret(plaintext));
}

/** The columns to store, with the other mode's columns cleared. */
export function credentialColumns(
  keyring: Keyring,
  accountId: string,
  credentials: NewCredentials,
  verified: { awsAccountId: string; at: string },
): CredentialColumns {
  const common = { mode: credentials.mode, aws_account_id: verified.awsAccountId, verified_at: verified.at, updated_at: verified.at };
  if (credentials.mode === 'role') {
    return { ...common, role_arn: credentials.roleArn, external_id: credentials.externalId, access_key_id: null, secret_ciphertext: null };
  }
  return {
    ...common,
    role_arn: null,
    external_id: null,
    access_key_id: credentials.accessKeyId,
    secret_ciphertext: sealKeys(keyring, accountId, credentials),
  };
}

/** Reads a keys-mode account's stored secret back into a credential source. */
export function storedKeysSource(keyring: Keyring, accountId: string, accessKeyId: string, envelope: string): CredentialSource {
  const plaintext = decryptAccountSecret(keyring, accountId, envelope).reveal();
  let parsed: z.infer<typeof StoredKeysSchema> | undefined;
  try {
    parsed = StoredKeysSchema.parse(JSON.parse(plaintext));
  } catch {
    // JSON.parse quotes the text it choked on: no cause, so the secret cannot reach a log.
    parsed = undefined;
  }
  if (!parsed) throw new Error(`The stored secret of account ${accountId} is not in the expected format`);
  return { kind: 'keys', accessKeyId, ...parsed };
}
