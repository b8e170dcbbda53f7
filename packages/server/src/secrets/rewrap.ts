import type { Db } from '../db/database.js';
import { decryptAccountSecret, encryptAccountSecret } from './account-secret.js';
import { envelopePrefix } from './envelope.js';
import type { Keyring } from './keyring.js';
import { SecretError, type SecretErrorCode } from './secret-error.js';
import { listSecretsNotUnder, swapSecretEnvelope, type StoredSecret } from './secrets.repository.js';

export interface RewrapResult {
  /** Rows found under another key than the current one. */
  readonly examined: number;
  /** Rows now under the current key. */
  readonly rewrapped: number;
  /** Rows changed or deleted between read and write: left to their writer; a later run checks again. */
  readonly changedConcurrently: number;
  /** Rows that could not be decrypted (ids only); they stay as they are for a person to look at. */
  readonly failed: readonly { readonly accountId: string; readonly code: SecretErrorCode }[];
}

interface Totals {
  examined: number;
  rewrapped: number;
  changedConcurrently: number;
  failed: { accountId: string; code: SecretErrorCode }[];
}

interface Rewrapped extends StoredSecret {
  readonly next: string;
}

function rewrapInMemory(keyring: Keyring, batch: readonly StoredSecret[], totals: Totals): Rewrapped[] {
  const done: Rewrapped[] = [];
  for (const row of batch) {
    try {
      const secret = decryptAccountSecret(keyring, row.accountId, row.envelope);
      done.push({ ...row, next: encryptAccountSecret(keyring, row.accountId, secret) });
    } catch (error) {
      if (!(error instanceof SecretError)) throw error;
      totals.failed.push({ accountId: row.accountId, code: error.code });
    }
  }
  return done;
}

async function rewrapBatch(db: Db, keyring: Keyring, batch: readonly StoredSecret[], totals: Totals): Promise<void> {
  totals.examined += batch.length;
  // Crypto happens before the transaction, so the write lock is held only for the updates.
  const updates = rewrapInMemory(keyring, batch, totals);
  if (updates.length === 0) return;
  const swapped = await db.kysely.transaction().execute(async (trx) => {
    let count = 0;
    for (const u of updates) if (await swapSecretEnvelope(trx, u.accountId, u.envelope, u.next)) count += 1;
    return count;
  });
  totals.rewrapped += swapped;
  totals.changedConcurrently += updates.length - swapped;
}

/**
 * Online re-wrap after a master key rotation: moves every aws_accounts secret that is not under
 * the current key to it, in small transactions, while the server keeps serving. Each update is
 * a compare-and-swap, so a secret replaced meanwhile is never overwritten with the old one.
 * Idempotent: run it on every start; once all rows are done it reads one empty page.
 */
export async function rewrapAll(db: Db, keyring: Keyring, options: { readonly batchSize?: number } = {}): Promise<RewrapResult> {
  const batchSize = options.batchSize ?? 100;
  const prefix = envelopePrefix(keyring.current.id);
  const totals: Totals = { examined: 0, rewrapped: 0, changedConcurrently: 0, failed: [] };
  let afterId = '';
  for (;;) {
    const batch = await listSecretsNotUnder(db.kysely, prefix, afterId, batchSize);
    const last = batch.at(-1);
    if (last === undefined) break;
    await rewrapBatch(db, keyring, batch, totals);
    if (batch.length < batchSize) break;
    afterId = last.accountId;
  }
  return totals;
}
