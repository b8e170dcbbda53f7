import { sql, type Kysely, type Migration } from 'kysely';

/**
 * ExternalIds issued before the customer's role exists (the UI shows one in the role template),
 * and at most one sample account per user, enforced by the database so two concurrent
 * "create the sample account" requests cannot both insert.
 */
export const accountsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('pending_external_ids')
      .addColumn('external_id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('pending_external_ids_user').on('pending_external_ids').columns(['user_id', 'created_at']).execute();
    await db.schema
      .createIndex('aws_accounts_one_sample')
      .on('aws_accounts')
      .column('user_id')
      .unique()
      .where(sql.ref('mode'), '=', 'sample')
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('aws_accounts_one_sample').execute();
    await db.schema.dropTable('pending_external_ids').execute();
  },
};
