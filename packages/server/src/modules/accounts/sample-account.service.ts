import { randomUUID } from 'node:crypto';
import type { Account } from '@cloudsweep/contract';
import { recordAudit, type Origin } from '../../audit/audit.service.js';
import { AppError } from '../../errors.js';
import { SAMPLE_AWS_ACCOUNT_ID } from '../../sample/sample-aws.js';
import { toAccount } from './account-view.js';
import { findSampleAccount, insertAccount, type AccountRow } from './accounts.repository.js';
import type { AccountsContext } from './accounts.service.js';

const SAMPLE_ACCOUNT_NAME = 'Sample account (simulated data)';

function sampleDisabled(): AppError {
  return new AppError('not_found', 'The sample account is disabled on this server');
}

/**
 * The user's sample account, created on the first call. A unique index allows one per user, so
 * of two concurrent first calls one inserts and the other finds that row.
 */
export async function ensureSampleAccount(ctx: AccountsContext, userId: string, origin: Origin): Promise<{ account: Account; created: boolean }> {
  if (!ctx.config.sampleAccount) throw sampleDisabled();
  const existing = await findSampleAccount(ctx.db, userId);
  if (existing) return { account: toAccount(existing), created: false };
  const now = new Date().toISOString();
  const row: AccountRow = {
    id: randomUUID(), user_id: userId, name: SAMPLE_ACCOUNT_NAME, mode: 'sample', aws_account_id: SAMPLE_AWS_ACCOUNT_ID,
    role_arn: null, external_id: null, access_key_id: null, secret_ciphertext: null, verified_at: now, created_at: now, updated_at: now,
  };
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await insertAccount(trx, row);
      await recordAudit(trx, { userId, action: 'account.create', targetType: 'aws_account', targetId: row.id, ...origin, details: { mode: 'sample' } });
    });
  } catch (error) {
    const raced = await findSampleAccount(ctx.db, userId);
    if (raced) return { account: toAccount(raced), created: false };
    throw error;
  }
  return { account: toAccount(row), created: true };
}
