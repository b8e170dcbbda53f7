import { randomUUID } from 'node:crypto';
import type { Account, CreateAccountBody, RotateCredentialsBody } from '@cloudsweep/contract';
import type { Kysely } from 'kysely';
import { recordAudit, type Origin } from '../../audit/audit.service.js';
import type { Config } from '../../config.js';
import type { Database } from '../../db/schema.js';
import { AppError, notFound } from '../../errors.js';
import type { Keyring } from '../../secrets/keyring.js';
import { findActiveScanId } from '../scans/scans.repository.js';
import { credentialColumns, keysCredentials, type NewCredentials } from './account-credentials.js';
import { verifyCredentials } from './account-verification.js';
import { toAccount } from './account-view.js';
import * as accounts from './accounts.repository.js';
import { consumePendingExternalId, findPendingExternalId } from './external-ids.repository.js';

export interface AccountsContext {
  readonly db: Kysely<Database>;
  readonly keyring: Keyring;
  readonly config: Config;
}

/** Bounds the rows (and the STS calls behind them) one user can make. */
const MAX_ACCOUNTS_PER_USER = 100;

const ACCOUNT = 'The AWS account';

export async function listUserAccounts(ctx: AccountsContext, userId: string): Promise<Account[]> {
  return (await accounts.listAccounts(ctx.db, userId)).map(toAccount);
}

export async function getUserAccount(ctx: AccountsContext, userId: string, id: string): Promise<Account> {
  const row = await accounts.findAccount(ctx.db, userId, id);
  if (!row) throw notFound(ACCOUNT);
  return toAccount(row);
}

/**
 * Role mode needs an ExternalId the server issued to this user: the one named, or their newest
 * pending one. Rotating a role account keeps its ExternalId unless another is named, because
 * the role's trust policy already holds it.
 */
async function resolveCredentials(
  ctx: AccountsContext,
  userId: string,
  body: CreateAccountBody | RotateCredentialsBody,
  current: string | null,
): Promise<{ credentials: NewCredentials; pending: string | undefined }> {
  if (body.mode === 'keys') return { credentials: keysCredentials(body), pending: undefined };
  if (body.externalId === undefined && current !== null) {
    return { credentials: { mode: 'role', roleArn: body.roleArn, externalId: current }, pending: undefined };
  }
  const pending = await findPendingExternalId(ctx.db, userId, new Date().toISOString(), body.externalId);
  if (pending === undefined) {
    throw new AppError(
      'bad_request',
      body.externalId === undefined
        ? 'Generate an ExternalId first (POST /api/accounts/external-id), put it in the role\'s trust policy, then connect the role'
        : 'This ExternalId was not issued to you or has expired; generate a new one (POST /api/accounts/external-id)',
      { field: 'externalId' },
    );
  }
  return { credentials: { mode: 'role', roleArn: body.roleArn, externalId: pending }, pending };
}

async function consume(trx: Kysely<Database>, userId: string, pending: string | undefined): Promise<void> {
  if (pending !== undefined && !(await consumePendingExternalId(trx, userId, pending))) {
    throw new AppError('conflict', 'That ExternalId was just used for another account; generate a new one');
  }
}

export async function createAccount(ctx: AccountsContext, userId: string, body: CreateAccountBody, origin: Origin): Promise<Account> {
  if ((await accounts.countAccounts(ctx.db, userId)) >= MAX_ACCOUNTS_PER_USER) {
    throw new AppError('conflict', `You can connect at most ${MAX_ACCOUNTS_PER_USER} AWS accounts; delete one first`);
  }
  const { credentials, pending } = await resolveCredentials(ctx, userId, body, null);
  const identity = await verifyCredentials(ctx.db, ctx.config, credentials, { userId, accountId: null, origin });
  const id = randomUUID();
  const now = new Date().toISOString();
  const columns = credentialColumns(ctx.keyring, id, credentials, { awsAccountId: identity.awsAccountId, at: now });
  const row: accounts.AccountRow = { id, user_id: userId, name: body.name, ...columns, created_at: now };
  await ctx.db.transaction().execute(async (trx) => {
    await consume(trx, userId, pending);
    await accounts.insertAccount(trx, row);
    await recordAudit(trx, {
      userId, action: 'account.create', targetType: 'aws_account', targetId: id, ...origin,
      details: { mode: credentials.mode, awsAccountId: identity.awsAccountId, name: body.name },
    });
  });
  return toAccount(row);
}

/**
 * Replaces an account's credentials once the new ones verify; if they do not, the old ones
 * stay. New credentials for a different AWS account are refused: past scans describe this one.
 */
export async function rotateCredentials(
  ctx: AccountsContext,
  userId: string,
  id: string,
  body: RotateCredentialsBody,
  origin: Origin,
): Promise<Account> {
  const row = await accounts.findAccount(ctx.db, userId, id);
  if (!row) throw notFound(ACCOUNT);
  if (row.mode === 'sample') throw new AppError('bad_request', 'The sample account has no credentials to replace');
  const { credentials, pending } = await resolveCredentials(ctx, userId, body, row.mode === 'role' ? row.external_id : null);
  const identity = await verifyCredentials(ctx.db, ctx.config, credentials, { userId, accountId: id, origin });
  if (row.aws_account_id !== null && identity.awsAccountId !== row.aws_account_id) {
    throw new AppError(
      'conflict',
      `These credentials belong to AWS account ${identity.awsAccountId}, not ${row.aws_account_id}; connect it as a new account instead`,
      { expectedAwsAccountId: row.aws_account_id, awsAccountId: identity.awsAccountId },
    );
  }
  const now = new Date().toISOString();
  const columns = credentialColumns(ctx.keyring, id, credentials, { awsAccountId: identity.awsAccountId, at: now });
  await ctx.db.transaction().execute(async (trx) => {
    await consume(trx, userId, pending);
    if (!(await accounts.updateCredentials(trx, userId, id, columns))) throw notFound(ACCOUNT);
    await recordAudit(trx, {
      userId, action: 'account.rotate', targetType: 'aws_account', targetId: id, ...origin,
      details: { from: row.mode, mode: credentials.mode, awsAccountId: identity.awsAccountId },
    });
  });
  return toAccount({ ...row, ...columns });
}

/** Deleting an account deletes its scans and findings; a running scan must be cancelled first. */
export async function deleteAccount(ctx: AccountsContext, userId: string, id: string, origin: Origin): Promise<void> {
  const row = await accounts.findAccount(ctx.db, userId, id);
  if (!row) throw notFound(ACCOUNT);
  const active = await findActiveScanId(ctx.db, id);
  if (active !== undefined) {
    throw new AppError('conflict', 'A scan of this account is queued or running; cancel it before deleting the account', { scanId: active });
  }
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await accounts.deleteAccount(trx, userId, id))) throw notFound(ACCOUNT);
    await recordAudit(trx, {
      userId, action: 'account.delete', targetType: 'aws_account', targetId: id, ...origin,
      details: { mode: row.mode, awsAccountId: row.aws_account_id, name: row.name },
    });
  });
}
