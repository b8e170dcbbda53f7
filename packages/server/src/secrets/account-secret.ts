import { decryptSecret, encryptSecret } from './envelope.js';
import type { Keyring } from './keyring.js';
import type { Secret } from './secret.js';

/*
 * The one binding between an aws_accounts row and its `secret_ciphertext`: the associated data
 * names the column and the row id. Writers, readers and `rewrapAll` all go through here, so
 * they cannot disagree on it.
 */
function accountSecretAad(accountId: string): string {
  return `aws_accounts.secret_ciphertext:${accountId}`;
}

/** The envelope to store in aws_accounts.secret_ciphertext for this account. */
export function encryptAccountSecret(keyring: Keyring, accountId: string, plaintext: string | Secret): string {
  return encryptSecret(keyring, plaintext, accountSecretAad(accountId));
}

/** Reads aws_accounts.secret_ciphertext back; throws SecretError when it cannot. */
export function decryptAccountSecret(keyring: Keyring, accountId: string, envelope: string): Secret {
  return decryptSecret(keyring, envelope, accountSecretAad(accountId));
}
