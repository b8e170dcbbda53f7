import type { Insertable, Kysely, Selectable } from 'kysely';
import type { AwsAccountsTable, Database } from '../../db/schema.js';

export type AccountRow = Selectable<AwsAccountsTable>;

/** Every query takes the owner: another user's account id simply finds nothing. */
export async function findAccount(db: Kysely<Database>, userId: string, id: string): Promise<AccountRow | undefined> {
  return db.selectFrom('aws_accounts').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
}

/** Oldest first (the aws_accounts_user index serves it); a user has at most a hundred. */
export async function listAccounts(db: Kysely<Database>, userId: string): Promise<AccountRow[]> {
  return db.selectFrom('aws_accounts').selectAll().where('user_id', '=', userId).orderBy('created_at').orderBy('id').execute();
}

export async function countAccounts(db: Kysely<Database>, userId: string): Promise<number> {
  const row = await db
    .selectFrom('aws_accounts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  // pg answers count(*) as a string of an INT8 unless parsed; Number() covers both databases.
  return Number(row.n);
}

export async function findSampleAccount(db: Kysely<Database>, userId: string): Promise<AccountRow | undefined> {
  return db.selectFrom('aws_accounts').selectAll().where('user_id', '=', userId).where('mode', '=', 'sample').executeTakeFirst();
}

export async function insertAccount(db: Kysely<Database>, row: Insertable<AwsAccountsTable>): Promise<void> {
  await db.insertInto('aws_accounts').values(row).execute();
}

export type CredentialColumns = Pick<
  AccountRow,
  'mode' | 'aws_account_id' | 'role_arn' | 'external_id' | 'access_key_id' | 'secret_ciphertext' | 'verified_at' | 'updated_at'
>;

export async function updateCredentials(db: Kysely<Database>, userId: string, id: string, columns: CredentialColumns): Promise<boolean> {
  const result = await db.updateTable('aws_accounts').set(columns).where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function deleteAccount(db: Kysely<Database>, userId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('aws_accounts').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
