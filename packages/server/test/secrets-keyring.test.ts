import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { decryptSecret, encryptSecret } from '../src/secrets/envelope.js';
import { describeKeyring, keyIdOf, loadKeyring } from '../src/secrets/keyring.js';
import { MASTER_KEY_FILE, MasterKeyError } from '../src/secrets/master-key-file.js';
import { SecretError } from '../src/secrets/secret-error.js';

const KEYRING_MODULE = fileURLToPath(new URL('../src/secrets/keyring.ts', import.meta.url));

// A separate process that loads the embedded keyring at `startAt` (ms) and prints the key id.
async function keyIdFromAnotherProcess(dataDir: string, startAt: number): Promise<string> {
  const script = `
    const { loadKeyring } = await import(${JSON.stringify(KEYRING_MODULE)});
    while (Date.now() < ${startAt});
    console.log(loadKeyring({ dataDir: ${JSON.stringify(dataDir)}, masterKey: undefined, previousMasterKeys: [] }).current.id);`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]);
  return stdout.trim();
}

function newKey(): string {
  return randomBytes(32).toString('base64');
}

describe('the embedded master key file', () => {
  let dir: string;
  let dataDir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cloudsweep-keys-'));
    dataDir = join(dir, 'data');
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const load = () => loadKeyring({ dataDir, masterKey: undefined, previousMasterKeys: [] });

  it('is generated once with mode 0600, leaves no temp file, and is reused on the next load', () => {
    const first = load();
    const path = join(dataDir, MASTER_KEY_FILE);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const text = readFileSync(path, 'utf8');
    expect(text).toMatch(/^[A-Za-z0-9+/]{43}=\n$/);
    expect(first.current.id).toBe(keyIdOf(Buffer.from(text.trim(), 'base64')));
    expect(readdirSync(dataDir)).toEqual([MASTER_KEY_FILE]);

    const envelope = encryptSecret(first, 'secret', 'row-1');
    const second = load();
    expect(second.current.id).toBe(first.current.id);
    expect(readFileSync(path, 'utf8')).toBe(text);
    expect(decryptSecret(second, envelope, 'row-1').reveal()).toBe('secret');
  });

  it('gives every process the same key when several start at once on an empty data folder', async () => {
    const startAt = Date.now() + 1500;
    const ids = await Promise.all([1, 2, 3, 4].map(() => keyIdFromAnotherProcess(dataDir, startAt)));
    expect(ids[0]).toMatch(/^[0-9a-f]{8}$/);
    expect(new Set(ids).size).toBe(1);
    expect(load().current.id).toBe(ids[0]);
    expect(readdirSync(dataDir)).toEqual([MASTER_KEY_FILE]);
  });

  it('creates the data folder private when it does not exist', () => {
    load();
    expect(statSync(dataDir).mode & 0o077).toBe(0);
  });

  it.each([0o640, 0o604, 0o620, 0o644])('refuses a key file with mode %o, saying how to fix it', (mode) => {
    load();
    const path = join(dataDir, MASTER_KEY_FILE);
    chmodSync(path, mode);
    expect(load).toThrow(MasterKeyError);
    expect(load).toThrow(`can be read or written by other users (mode 0${mode.toString(8)}). Restrict it with \`chmod 600 ${path}\``);
  });

  it('refuses a malformed key file and never replaces it', () => {
    load();
    const path = join(dataDir, MASTER_KEY_FILE);
    writeFileSync(path, 'not a key\n', { mode: 0o600 });
    expect(load).toThrow(/does not hold a master key .*Restore it from a backup/);
    expect(readFileSync(path, 'utf8')).toBe('not a key\n');
  });

  it('is not used, nor created, when CLOUDSWEEP_MASTER_KEY is set', () => {
    const masterKey = newKey();
    const keyring = loadKeyring({ dataDir, masterKey, previousMasterKeys: [] });
    expect(keyring.current.id).toBe(keyIdOf(Buffer.from(masterKey, 'base64')));
    expect(() => statSync(dataDir)).toThrow(/ENOENT/);
  });
});

describe('key rotation', () => {
  const oldKey = newKey();
  const newMasterKey = newKey();
  const old = loadKeyring({ dataDir: '/unused', masterKey: oldKey, previousMasterKeys: [] });
  const rotated = loadKeyring({ dataDir: '/unused', masterKey: newMasterKey, previousMasterKeys: [oldKey] });

  it('derives short, stable key ids from the keys themselves', () => {
    expect(old.current.id).toMatch(/^[0-9a-f]{8}$/);
    expect(loadKeyring({ dataDir: '/unused', masterKey: oldKey, previousMasterKeys: [] }).current.id).toBe(old.current.id);
    expect(rotated.current.id).not.toBe(old.current.id);
    expect(describeKeyring(rotated)).toEqual({ currentKeyId: rotated.current.id, keyIds: [rotated.current.id, old.current.id] });
  });

  it('decrypts secrets written under a previous key and encrypts under the new one', () => {
    const envelope = encryptSecret(old, 'secret', 'row-1');
    expect(decryptSecret(rotated, envelope, 'row-1').reveal()).toBe('secret');
    expect(encryptSecret(rotated, 'secret', 'row-1').startsWith(`v1:${rotated.current.id}:`)).toBe(true);
  });

  it('no longer decrypts once the previous key is dropped', () => {
    const envelope = encryptSecret(old, 'secret', 'row-1');
    const withoutOld = loadKeyring({ dataDir: '/unused', masterKey: newMasterKey, previousMasterKeys: [] });
    expect(() => decryptSecret(withoutOld, envelope, 'row-1')).toThrow(SecretError);
  });

  it('tolerates the current key repeated in the previous list', () => {
    const keyring = loadKeyring({ dataDir: '/unused', masterKey: oldKey, previousMasterKeys: [oldKey] });
    expect([...keyring.all.keys()]).toEqual([old.current.id]);
  });

  it('reads CLOUDSWEEP_PREVIOUS_MASTER_KEYS as a comma-separated list and rejects bad entries without echoing them', () => {
    const config = loadConfig({ CLOUDSWEEP_MASTER_KEY: newMasterKey, CLOUDSWEEP_PREVIOUS_MASTER_KEYS: ` ${oldKey} ,${newKey()},` });
    expect(config.previousMasterKeys).toHaveLength(2);
    expect(config.previousMasterKeys[0]).toBe(oldKey);
    expect(loadConfig({}).previousMasterKeys).toEqual([]);
    const bad = () => loadConfig({ CLOUDSWEEP_PREVIOUS_MASTER_KEYS: `${oldKey},hunter2-not-a-key` });
    expect(bad).toThrow(/CLOUDSWEEP_PREVIOUS_MASTER_KEYS must be comma-separated base64 32-byte keys/);
    expect(bad).not.toThrow(/hunter2/);
  });
});
