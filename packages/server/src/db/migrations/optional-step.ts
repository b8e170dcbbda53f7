import { sql, type Kysely, type RawBuilder } from 'kysely';

/**
 * Runs a step a migration can do without (an extension the role may not create) in a savepoint:
 * false, and the transaction intact, when it fails.
 */
export async function optionalStep(db: Kysely<unknown>, name: string, statement: RawBuilder<unknown>): Promise<boolean> {
  await sql.raw(`savepoint ${name}`).execute(db);
  try {
    await statement.execute(db);
    await sql.raw(`release savepoint ${name}`).execute(db);
    return true;
  } catch {
    // Lacking the privilege (or the extension's files) must not fail the migration.
    await sql.raw(`rollback to savepoint ${name}`).execute(db);
    return false;
  }
}
