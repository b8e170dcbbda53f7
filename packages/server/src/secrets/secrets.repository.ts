import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export interface StoredSecret {
  readonly accountId: string;
  readonly envelope: string;
}

/**
 * Account secrets whose envelope does not start with `prefix` (the current key's), after
 * `afterId` in id order. Keyset paging rather than "the first N not yet done": a row that cannot
 * be re-wrapped (unknown key, tampered) is passed over instead of being fetched forever.
 * The prefix is `v1:<hex>:`, so it holds no LIKE wildcard to escape.
 */
export async function listSecretsNotUnder(db: Kysely<Database>, prefix: string, afterId: string, limit: number): Promise<StoredSecret[]> {
  const rows = await db
    .selectFrom('aws_accounts')
    .select(['id', 'secret_ciphertext'])
    .where('secret_ciphertext', 'is not', null)
    .where('secret_ciphertext', 'not like', `${prefix}%`)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.flatMap((r) => (r.secret_ciphertext === null ? [] : [{ accountId: r.id, envelope: r.secret_ciphertext }]));
}

/**
 * Compare-and-swap: replaces the envelope only if the row still holds the one that was read.
 * A concurrent credential replacement or delete wins; false says this row was left alone.
 * `updated_at` is untouched: re-wrapping changes no credential.
 */
export async function swapSecretEnvelope(db: Kysely<Database>, accountId: string, expected: string, next: string): Promise<boolean> {
  const result = await db
    .updateTable('aws_accounts')
    .set({ secret_ciphertext: next })
    .where('id', '=', accountId)
    .where('secret_ciphertext', '=', expected)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
