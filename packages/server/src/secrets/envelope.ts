import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Keyring } from './keyring.js';
import { Secret } from './secret.js';
import { SecretError } from './secret-error.js';

/*
 * Envelope: `v1:<keyId>:<iv>:<tag>:<ciphertext>`, base64url parts. `v1` fixes the algorithm
 * (AES-256-GCM, 96-bit random IV, 128-bit tag, HKDF-derived key); the key id picks the key, so
 * a rotation can leave old rows readable while they are re-wrapped. Random 96-bit IVs are safe
 * for far more encryptions (2^32 per key) than a table of account secrets will ever see.
 */
const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID = /^[0-9a-f]{8}$/;

interface EnvelopeParts {
  readonly keyId: string;
  readonly iv: Buffer;
  readonly tag: Buffer;
  readonly ciphertext: Buffer;
}

/** The text every envelope under `keyId` starts with (lets SQL find rows still to re-wrap). */
export function envelopePrefix(keyId: string): string {
  return `${VERSION}:${keyId}:`;
}

// The header is authenticated too: an envelope cannot be relabelled to another version or key.
function additionalData(keyId: string, associatedData: string): Buffer {
  if (associatedData === '') throw new TypeError('associatedData is required: bind each secret to its row');
  return Buffer.from(`${envelopePrefix(keyId)}${associatedData}`, 'utf8');
}

function malformed(why: string): SecretError {
  return new SecretError('malformed', `The stored secret is not a readable envelope: ${why}`);
}

// Canonical base64url only: another spelling of the same bytes would be a malleable envelope.
function decodePart(text: string, name: string, bytes?: number): Buffer {
  const decoded = Buffer.from(text, 'base64url');
  if (decoded.toString('base64url') !== text) throw malformed(`the ${name} is not base64url`);
  if (bytes !== undefined && decoded.length !== bytes) throw malformed(`the ${name} is not ${bytes} bytes`);
  return decoded;
}

function parseEnvelope(envelope: string): EnvelopeParts {
  const parts = envelope.split(':');
  if (parts[0] !== VERSION) throw malformed(`unsupported format "${(parts[0] ?? '').slice(0, 8)}"`);
  const [, keyId, iv, tag, ciphertext] = parts;
  if (parts.length !== 5 || keyId === undefined || iv === undefined || tag === undefined || ciphertext === undefined) {
    throw malformed('expected 5 parts separated by ":"');
  }
  if (!KEY_ID.test(keyId)) throw malformed('the key id is not 8 hex characters');
  return {
    keyId,
    iv: decodePart(iv, 'IV', IV_BYTES),
    tag: decodePart(tag, 'tag', TAG_BYTES),
    ciphertext: decodePart(ciphertext, 'ciphertext'),
  };
}

/** The key id an envelope was written with (throws SecretError 'malformed'). */
export function envelopeKeyId(envelope: string): string {
  return parseEnvelope(envelope).keyId;
}

/**
 * Encrypts under the keyring's current key. `associatedData` (for instance the row's id) is
 * authenticated but not stored: the envelope only decrypts with the same value, so a
 * ciphertext copied into another row fails instead of handing over someone else's secret.
 */
export function encryptSecret(keyring: Keyring, plaintext: string | Secret, associatedData: string): string {
  const { id, key } = keyring.current;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(additionalData(id, associatedData));
  const text = plaintext instanceof Secret ? plaintext.reveal() : plaintext;
  const ciphertext = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return [VERSION, id, iv, cipher.getAuthTag(), ciphertext].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join(':');
}

/** Decrypts an envelope into a Secret; throws SecretError ('malformed' | 'unknown_key' | 'tampered'). */
export function decryptSecret(keyring: Keyring, envelope: string, associatedData: string): Secret {
  const parts = parseEnvelope(envelope);
  const key = keyring.all.get(parts.keyId);
  if (!key) {
    throw new SecretError(
      'unknown_key',
      `The stored secret was encrypted with master key ${parts.keyId}, which is not configured ` +
        '(after a rotation, list the old key in CLOUDSWEEP_PREVIOUS_MASTER_KEYS until the re-wrap is done)',
    );
  }
  const decipher = createDecipheriv(ALGORITHM, key, parts.iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(additionalData(parts.keyId, associatedData));
  decipher.setAuthTag(parts.tag);
  try {
    return new Secret(Buffer.concat([decipher.update(parts.ciphertext), decipher.final()]).toString('utf8'));
  } catch {
    throw new SecretError('tampered', 'The stored secret failed its integrity check: it was altered, or belongs to another record');
  }
}
