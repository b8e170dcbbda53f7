import type { CredentialSource } from '@cloudsweep/engine';
import { PermanentJobError } from '../../jobs/job-queue.js';
import { SAMPLE_CREDENTIALS } from '../../sample/sample-aws.js';
import type { Keyring } from '../../secrets/keyring.js';
import { SecretError } from '../../secrets/secret-error.js';
import { storedKeysSource } from '../accounts/account-credentials.js';
import type { AccountRow } from '../accounts/accounts.repository.js';

export interface CredentialDeps {
  readonly keyring: Keyring;
  /** config.aws.endpoint: one endpoint for every service (moto or the simulator in tests). */
  readonly endpoint?: string | undefined;
  /** Where the sample account's simulator answers; provided by the sample module. */
  readonly sampleEndpoint?: () => string | Promise<string>;
}

export interface EngineAccess {
  readonly credentials: CredentialSource;
  readonly endpoint: string | undefined;
}

function keysOf(account: AccountRow, keyring: Keyring): CredentialSource {
  if (!account.access_key_id || !account.secret_ciphertext) {
    throw new PermanentJobError('The account has no stored access keys; enter them again');
  }
  try {
    return storedKeysSource(keyring, account.id, account.access_key_id, account.secret_ciphertext);
  } catch (error) {
    // Retrying cannot fix stored secrets; the message names no secret.
    if (error instanceof SecretError) throw error;
    throw new PermanentJobError('The stored credentials of this account are not readable; enter them again');
  }
}

/**
 * The engine's credentials for an account, built only inside the worker (job payloads carry
 * ids). Keys are decrypted here and handed straight to the engine; never logged.
 */
export async function engineAccess(account: AccountRow, deps: CredentialDeps): Promise<EngineAccess> {
  switch (account.mode) {
    case 'keys':
      return { credentials: keysOf(account, deps.keyring), endpoint: deps.endpoint };
    case 'role':
      if (!account.role_arn) throw new PermanentJobError('The account has no role ARN; connect it again');
      return {
        credentials: { kind: 'role', roleArn: account.role_arn, ...(account.external_id ? { externalId: account.external_id } : {}) },
        endpoint: deps.endpoint,
      };
    case 'sample':
      if (!deps.sampleEndpoint) throw new PermanentJobError('The sample account is not available on this server');
      return { credentials: SAMPLE_CREDENTIALS, endpoint: await deps.sampleEndpoint() };
  }
}
