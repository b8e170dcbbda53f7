import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Migration, type MigrationProvider } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.js';
import { initialMigration } from './migrations/0001-initial.js';
import type { Database } from './schema.js';

export type DatabaseKind = 'sqlite' | 'postgres';

export interface Db {
  readonly kysely: Kysely<Database>;
  readonly kind: DatabaseKind;
  close(): Promise<void>;
}

// pg returns BIGINT (our bigserial ids, count(*)) as strings; every id we use fits in 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

function sqliteDialect(file: string): SqliteDialect {
  mkdirSync(dirname(file), { recursive: true });
  const database = new SQLite(file);
  // WAL lets the API read while a worker writes findings; NORMAL is durable across app crashes.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  return new SqliteDialect({ database });
}

export function openDatabase(database: Config['database']): Db {
  const dialect =
    database.kind === 'sqlite'
      ? sqliteDialect(database.file)
      : new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 10 }) });
  const kysely = new Kysely<Database>({ dialect });
  return { kysely, kind: database.kind, close: () => kysely.destroy() };
}

/** Migrations are listed here, in order: no filesystem discovery. */
function migrations(kind: DatabaseKind): Record<string, Migration> {
  return { '0001-initial': initialMigration(kind) };
}

export async function migrateToLatest(db: Db): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(db.kind) };
  const { error, results } = await new Migrator({ db: db.kysely, provider }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed`, { cause: error });
  }
}
