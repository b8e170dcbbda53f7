import { randomBytes } from 'node:crypto';
import { format, inspect } from 'node:util';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { decryptAccountSecret, encryptAccountSecret } from '../src/secrets/account-secret.js';
import { decryptSecret, encryptSecret, envelopeKeyId } from '../src/secrets/envelope.js';
import { loadKeyring, type Keyring } from '../src/secrets/keyring.js';
import { Secret } from '../src/secrets/secret.js';
import { SecretError } from '../src/secrets/secret-error.js';

const CANARY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYCANARYKEY1';

function newKey(): string {
  return randomBytes(32).toString('base64');
}

function keyringOf(masterKey: string, previousMasterKeys: readonly string[] = []): Keyring {
  return loadKeyring({ dataDir: '/nonexistent-never-used', masterKey, previousMasterKeys });
}

function secretErrorOf(run: () => unknown): SecretError {
  try {
    run();
  } catch (error) {
    if (error instanceof SecretError) return error;
    throw error;
  }
  throw new Error('expected a SecretError');
}

// Flips one bit in one base64url part of an envelope, keeping the encoding canonical.
function flipByte(envelope: string, part: 3 | 4): string {
  const parts = envelope.split(':');
  const bytes = Buffer.from(parts[part] ?? '', 'base64url');
  bytes[0] = (bytes[0] ?? 0) ^ 0x01;
  parts[part] = bytes.toString('base64url');
  return parts.join(':');
}

describe('secret envelopes', () => {
  const masterKey = newKey();
  const keyring = keyringOf(masterKey);

  it('round-trips, with a fresh IV each time, in the documented format', () => {
    const first = encryptSecret(keyring, CANARY, 'acct-1');
    const second = encryptSecret(keyring, CANARY, 'acct-1');
    expect(first).toMatch(/^v1:[0-9a-f]{8}:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]+$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain(CANARY);
    expect(envelopeKeyId(first)).toBe(keyring.current.id);
    expect(decryptSecret(keyring, first, 'acct-1').reveal()).toBe(CANARY);
    expect(decryptSecret(keyring, encryptSecret(keyring, '', 'acct-1'), 'acct-1').reveal()).toBe('');
    expect(decryptSecret(keyring, encryptSecret(keyring, 'clé ✓', 'acct-1'), 'acct-1').reveal()).toBe('clé ✓');
  });

  it('accepts a Secret as plaintext without revealing it anywhere else', () => {
    const envelope = encryptSecret(keyring, new Secret(CANARY), 'acct-1');
    expect(decryptSecret(keyring, envelope, 'acct-1').reveal()).toBe(CANARY);
  });

  it('fails with "tampered" when the associated data differs (a ciphertext copied to another row)', () => {
    const envelope = encryptAccountSecret(keyring, 'acct-1', CANARY);
    expect(secretErrorOf(() => decryptAccountSecret(keyring, 'acct-2', envelope)).code).toBe('tampered');
    expect(secretErrorOf(() => decryptSecret(keyring, envelope, 'acct-1')).code).toBe('tampered');
  });

  it('fails with "tampered" when a ciphertext or tag byte is flipped', () => {
    const envelope = encryptSecret(keyring, CANARY, 'acct-1');
    for (const part of [3, 4] as const) {
      const error = secretErrorOf(() => decryptSecret(keyring, flipByte(envelope, part), 'acct-1'));
      expect(error.code).toBe('tampered');
      expect(error.message).not.toContain(CANARY);
    }
  });

  it('fails with "unknown_key" for a key id that is not in the keyring, naming only the id', () => {
    const other = keyringOf(newKey());
    const envelope = encryptSecret(other, CANARY, 'acct-1');
    const error = secretErrorOf(() => decryptSecret(keyring, envelope, 'acct-1'));
    expect(error.code).toBe('unknown_key');
    expect(error.message).toContain(other.current.id);
    expect(error.message).toContain('CLOUDSWEEP_PREVIOUS_MASTER_KEYS');
    expect(error.message).not.toContain(masterKey);
  });

  it('fails with "tampered" when the header is relabelled to another known key id', () => {
    const previous = newKey();
    const both = keyringOf(masterKey, [previous]);
    const underPrevious = encryptSecret(keyringOf(previous), CANARY, 'acct-1');
    const relabelled = underPrevious.replace(/^v1:[0-9a-f]{8}:/, `v1:${both.current.id}:`);
    expect(secretErrorOf(() => decryptSecret(both, relabelled, 'acct-1')).code).toBe('tampered');
  });

  it.each([
    ['empty', ''],
    ['another version', 'v2:0123abcd:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA:AAAA'],
    ['too few parts', 'v1:0123abcd:AAAAAAAAAAAAAAAA'],
    ['too many parts', 'v1:0123abcd:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA:AAAA:x'],
    ['a bad key id', 'v1:NOTHEX!!:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA:AAAA'],
    ['a short IV', 'v1:0123abcd:AAAA:AAAAAAAAAAAAAAAAAAAAAA:AAAA'],
    ['a short tag', 'v1:0123abcd:AAAAAAAAAAAAAAAA:AAAA:AAAA'],
    ['non-base64url ciphertext', 'v1:0123abcd:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA:A+/='],
  ])('fails with "malformed" for %s', (_name, envelope) => {
    expect(secretErrorOf(() => decryptSecret(keyring, envelope, 'acct-1')).code).toBe('malformed');
  });

  it('refuses to encrypt without associated data', () => {
    expect(() => encryptSecret(keyring, CANARY, '')).toThrow(/associatedData is required/);
  });

  it('never prints key material when the keyring itself is logged', () => {
    const printed = `${inspect(keyring, { depth: 5 })} ${JSON.stringify(keyring)} ${JSON.stringify([...keyring.all])}`;
    expect(printed).not.toContain(masterKey);
    expect(printed).not.toMatch(/<Buffer/);
  });
});

describe('the Secret wrapper', () => {
  const secret = new Secret(CANARY);

  it('reveals its value only through reveal()', () => {
    expect(secret.reveal()).toBe(CANARY);
  });

  it.each([
    ['JSON.stringify', () => JSON.stringify({ credentials: { secret } })],
    ['String()', () => String(secret)],
    ['a template literal', () => `key=${secret}`],
    ['concatenation', () => 'key=' + secret],
    ['util.inspect', () => inspect({ nested: { deeper: [secret] } }, { depth: 10, showHidden: true })],
    ['util.format', () => format('%s %o %O %j', secret, secret, secret, { secret })],
    ['Object.entries', () => JSON.stringify(Object.entries(secret))],
    ['structuredClone', () => JSON.stringify(structuredClone(secret))],
  ])('does not leak through %s', (_how, render) => {
    const text = render();
    expect(text).not.toContain(CANARY);
  });

  it('prints as [redacted]', () => {
    expect(String(secret)).toBe('[redacted]');
    expect(JSON.stringify({ secret })).toBe('{"secret":"[redacted]"}');
    expect(inspect(secret)).toBe('[redacted]');
  });

  it('does not leak through the server logger (pino), even inside an error', async () => {
    const lines: string[] = [];
    const app = Fastify({ logger: { level: 'trace', stream: { write: (line: string) => lines.push(line) } } });
    app.log.info({ secret, account: { credentials: secret } }, `connecting with ${secret}`);
    app.log.error({ err: Object.assign(new Error(`bad ${secret}`), { secret }) }, 'failed');
    await app.close();
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.join('\n')).toContain('[redacted]');
    expect(lines.join('\n')).not.toContain(CANARY);
  });
});
