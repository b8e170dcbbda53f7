import { randomBytes } from 'node:crypto';
import { hash, verify, type Options } from '@node-rs/argon2';

// OWASP's argon2id minimum (m=19 MiB, t=2, p=1). `Algorithm` is an ambient const enum that
// isolatedModules cannot read, so its value (Argon2id = 2) is spelled out.
const ARGON2ID = 2;
export const PASSWORD_HASH_OPTIONS: Readonly<Options> = Object.freeze({
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
});

export function hashPassword(password: string): Promise<string> {
  return hash(password, PASSWORD_HASH_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash never signs anyone in.
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** Computes the dummy hash ahead of the first sign-in, so that one is not slower either. */
export function preparePasswordChecks(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(32).toString('base64url'));
  return dummyHash;
}

/**
 * Verifies against a hash of a random secret, so an unknown email costs the same time as a wrong
 * password and the answer time does not reveal which emails have accounts.
 */
export async function burnPasswordCheck(password: string): Promise<false> {
  await verifyPassword(await preparePasswordChecks(), password);
  return false;
}
