import type { Kysely } from 'kysely';
import { isUniqueViolation } from '../db/database.js';
import type { Database, UsersTable } from '../db/schema.js';

export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<UsersTable | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

/** False when the email is taken (the unique index decides, so two racing sign-ups cannot both win). */
export async function insertUser(db: Kysely<Database>, user: UsersTable): Promise<boolean> {
  try {
    await db.insertInto('users').values(user).execute();
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}
