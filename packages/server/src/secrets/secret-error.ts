export type SecretErrorCode = 'unknown_key' | 'tampered' | 'malformed';

/**
 * Why a stored secret could not be decrypted. Messages name the key id (a public fingerprint)
 * and never the plaintext, the key or the envelope. Deliberately not an AppError: the service
 * that reads a secret decides what a person sees (usually "reconnect this account").
 */
export class SecretError extends Error {
  override readonly name = 'SecretError';

  constructor(
    readonly code: SecretErrorCode,
    message: string,
  ) {
    super(message);
  }
}
