import { createHash, createSecretKey, hkdfSync, type KeyObject } from 'node:crypto';
import type { Config } from '../config.js';
import { MasterKeyError, readOrCreateMasterKeyFile } from './master-key-file.js';

export interface KeyringEntry {
  /** 8 hex characters; see `keyIdOf`. */
  readonly id: string;
  /** The AES-256-GCM key derived from the master key; a KeyObject never prints its bytes. */
  readonly key: KeyObject;
}

/** `current` encrypts; `all` (current + previous) decrypts, by the key id in each envelope. */
export interface Keyring {
  readonly current: KeyringEntry;
  readonly all: ReadonlyMap<string, KeyObject>;
}

export type KeyringConfig = Pick<Config, 'dataDir' | 'masterKey' | 'previousMasterKeys'>;

const BASE64_32_BYTES = /^[A-Za-z0-9+/]{43}=$/;

// Versioned with the envelope format: a v2 format would derive its own key.
const HKDF_INFO = 'cloudsweep/aws-secrets/v1';

/**
 * A key's id is derived from the key itself (first 8 hex of its sha256) rather than numbered:
 * every machine given the same key computes the same id with nothing to coordinate or store,
 * and re-adding a retired key gives back its old id. 32 bits of a hash reveal nothing usable
 * about a 256-bit random key; an accidental clash of two keys is detected at load.
 */
export function keyIdOf(masterKey: Buffer): string {
  return createHash('sha256').update(masterKey).digest('hex').slice(0, 8);
}

const NOT_A_KEY = 'does not hold a master key (32 random bytes, base64 encoded)';

function keyEntry(encoded: string, invalidMessage: string): KeyringEntry {
  if (!BASE64_32_BYTES.test(encoded)) throw new MasterKeyError(invalidMessage);
  const master = Buffer.from(encoded, 'base64');
  // The master key is not used as the AES key directly, so it can later key other purposes
  // (each with its own HKDF info) without two uses ever sharing key bytes.
  const derived = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), HKDF_INFO, 32));
  const entry = { id: keyIdOf(master), key: createSecretKey(derived) };
  master.fill(0);
  derived.fill(0);
  return entry;
}

function currentKey(config: KeyringConfig): KeyringEntry {
  if (config.masterKey !== undefined) return keyEntry(config.masterKey, `CLOUDSWEEP_MASTER_KEY ${NOT_A_KEY}`);
  const file = readOrCreateMasterKeyFile(config.dataDir);
  return keyEntry(
    file.encoded,
    `The master key file ${file.path} ${NOT_A_KEY}. Restore it from a backup: the stored AWS secrets cannot be decrypted without it.`,
  );
}

/**
 * The keys for encrypting AWS secrets: the current one from CLOUDSWEEP_MASTER_KEY, or in the
 * embedded default from `<dataDir>/master.key` (created 0600 on first start), plus the retired
 * keys of CLOUDSWEEP_PREVIOUS_MASTER_KEYS so secrets written before a rotation still decrypt
 * until `rewrapAll` has moved them. Throws MasterKeyError, with what to do, at start-up.
 */
export function loadKeyring(config: KeyringConfig): Keyring {
  const current = Object.freeze(currentKey(config));
  const all = new Map<string, KeyObject>([[current.id, current.key]]);
  config.previousMasterKeys.forEach((encoded, index) => {
    const previous = keyEntry(encoded, `CLOUDSWEEP_PREVIOUS_MASTER_KEYS key ${index + 1} ${NOT_A_KEY}`);
    const known = all.get(previous.id);
    if (known && !known.equals(previous.key)) {
      throw new MasterKeyError(`Two different master keys share the key id ${previous.id}; generate a new key`);
    }
    all.set(previous.id, previous.key);
  });
  return Object.freeze({ current, all });
}

/** What a start-up log line may say about the keyring: ids only. */
export function describeKeyring(keyring: Keyring): { readonly currentKeyId: string; readonly keyIds: readonly string[] } {
  return { currentKeyId: keyring.current.id, keyIds: [...keyring.all.keys()] };
}
