import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decryptAccountSecret, encryptAccountSecret } from '../src/secrets/account-secret.js';
import { loadKeyring, type Keyring } from '../src/secrets/keyring.js';
import { rewrapAll } from '../src/secrets/rewrap.js';
import { listSecretsNotUnder, swapSecretEnvelope } from '../src/secrets/secrets.repository.js';
import { envelopePrefix } from '../src/secrets/envelope.js';
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from './test-databases.js';

const NOW = '2025-01-01T00:00:00.000Z';

function keyringOf(masterKey: string, previousMasterKeys: readonly string[] = []): Keyring {
  return loadKeyring({ dataDir: '/unused', masterKey, previousMasterKeys });
}

describe.each(DATABASE_KINDS)('re-wrapping account secrets on %s', (kind) => {
  const oldKey = randomBytes(32).toString('base64');
  const newKey = randomBytes(32).toString('base64');
  const old = keyringOf(oldKey);
  const rotated = keyringOf(newKey, [oldKey]);
  const newOnly = keyringOf(newKey);
  let database: TestDatabase;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    await database.db.kysely.insertInto('users').values({ id: 'user-1', email: 'a@example.com', password_hash: 'x', created_at: NOW }).execute();
  });

  afterAll(async () => {
    await database?.drop();
  });

  beforeEach(async () => {
    await database.db.kysely.deleteFrom('aws_accounts').execute();
  });

  async function insertAccount(id: string, envelope: string | null): Promise<void> {
    const row = { user_id: 'user-1', name: id, mode: 'keys' as const, aws_account_id: null, role_arn: null, external_id: null };
    await database.db.kysely
      .insertInto('aws_accounts')
      .values({ ...row, id, access_key_id: 'AKIAEXAMPLE', secret_ciphertext: envelope, verified_at: NOW, created_at: NOW, updated_at: NOW })
      .execute();
  }

  async function envelopeOf(id: string): Promise<string | null> {
    const row = await database.db.kysely.selectFrom('aws_accounts').select('secret_ciphertext').where('id', '=', id).executeTakeFirstOrThrow();
    return row.secret_ciphertext;
  }

  it('moves every secret under an old key to the current key, in batches, and is idempotent', async () => {
    const ids = ['acct-01', 'acct-02', 'acct-03', 'acct-04', 'acct-05'];
    for (const id of ids) await insertAccount(id, encryptAccountSecret(old, id, `secret of ${id}`));
    await insertAccount('acct-current', encryptAccountSecret(rotated, 'acct-current', 'already current'));
    await insertAccount('acct-role', null);
    const untouched = await envelopeOf('acct-current');

    const result = await rewrapAll(database.db, rotated, { batchSize: 2 });
    expect(result).toEqual({ examined: 5, rewrapped: 5, changedConcurrently: 0, failed: [] });
    for (const id of ids) {
      const envelope = await envelopeOf(id);
      expect(envelope?.startsWith(envelopePrefix(rotated.current.id))).toBe(true);
      // Readable with the new key alone: the old key can now be retired.
      expect(decryptAccountSecret(newOnly, id, envelope ?? '').reveal()).toBe(`secret of ${id}`);
    }
    expect(await envelopeOf('acct-current')).toBe(untouched);
    expect(await envelopeOf('acct-role')).toBeNull();

    expect(await rewrapAll(database.db, rotated, { batchSize: 2 })).toEqual({ examined: 0, rewrapped: 0, changedConcurrently: 0, failed: [] });
  });

  it('leaves undecryptable rows as they are, reports them by id, and still moves the others', async () => {
    const stranger = keyringOf(randomBytes(32).toString('base64'));
    await insertAccount('acct-a', encryptAccountSecret(old, 'acct-a', 'a'));
    await insertAccount('acct-b', encryptAccountSecret(stranger, 'acct-b', 'b'));
    const copied = encryptAccountSecret(old, 'acct-a', 'copied from a');
    await insertAccount('acct-c', copied);
    await insertAccount('acct-d', encryptAccountSecret(old, 'acct-d', 'd'));

    const result = await rewrapAll(database.db, rotated, { batchSize: 1 });
    expect(result.rewrapped).toBe(2);
    expect(result.failed).toEqual([
      { accountId: 'acct-b', code: 'unknown_key' },
      { accountId: 'acct-c', code: 'tampered' },
    ]);
    expect(await envelopeOf('acct-c')).toBe(copied);
    expect(decryptAccountSecret(newOnly, 'acct-d', (await envelopeOf('acct-d')) ?? '').reveal()).toBe('d');
  });

  it('never overwrites a secret that was replaced after it was read', async () => {
    const stale = encryptAccountSecret(old, 'acct-x', 'old credential');
    await insertAccount('acct-x', stale);
    const [read] = await listSecretsNotUnder(database.db.kysely, envelopePrefix(rotated.current.id), '', 10);
    expect(read).toEqual({ accountId: 'acct-x', envelope: stale });

    const replacement = encryptAccountSecret(rotated, 'acct-x', 'new credential');
    await database.db.kysely.updateTable('aws_accounts').set({ secret_ciphertext: replacement }).where('id', '=', 'acct-x').execute();
    const rewrapped = encryptAccountSecret(rotated, 'acct-x', 'old credential');
    expect(await swapSecretEnvelope(database.db.kysely, 'acct-x', stale, rewrapped)).toBe(false);
    expect(await envelopeOf('acct-x')).toBe(replacement);
  });

  it('loses no concurrent credential replacement while it runs', async () => {
    const ids = Array.from({ length: 60 }, (_, i) => `acct-${String(i).padStart(3, '0')}`);
    for (const id of ids) await insertAccount(id, encryptAccountSecret(old, id, `old ${id}`));
    const replaced = ids.filter((_, i) => i % 3 === 0);

    const [result] = await Promise.all([
      rewrapAll(database.db, rotated, { batchSize: 5 }),
      (async () => {
        for (const id of replaced) {
          const envelope = encryptAccountSecret(rotated, id, `new ${id}`);
          await database.db.kysely.updateTable('aws_accounts').set({ secret_ciphertext: envelope }).where('id', '=', id).execute();
        }
      })(),
    ]);

    expect(result.failed).toEqual([]);
    expect(result.rewrapped + result.changedConcurrently).toBe(result.examined);
    for (const id of ids) {
      const expected = replaced.includes(id) ? `new ${id}` : `old ${id}`;
      expect(decryptAccountSecret(newOnly, id, (await envelopeOf(id)) ?? '').reveal()).toBe(expected);
    }
  });
});
