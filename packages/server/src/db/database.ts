import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Migration, type MigrationProvider } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.js';
import { initialMigration } from './migrations/0001-initial.js';
import { scansMigration } from './migrations/0002-scans.js';
import { accountsMigration } from './migrations/0003-accounts.js';
import { findingsMigration } from './migrations/0004-findings.js';
import { findingsIngestMigration } from './migrations/0005-findings-ingest.js';
import { findingsTextSearchMigration } from './migrations/0006-findings-text-search.js';
import { findingGroupsMigration } from './migrations/0007-finding-groups.js';
import { findingTextIndexMigration } from './migrations/0008-finding-text-index.js';
import { findingsTextOrderMigration } from './migrations/0009-findings-text-order.js';
import type { Database } from './schema.js';

export type DatabaseKind = 'sqlite' | 'postgres';

export interface Db {
  readonly kysely: Kysely<Database>;
  readonly kind: DatabaseKind;
  /**
   * The better-sqlite3 connection under `kysely` (SQLite only), for one hot path: findings
   * ingest reuses a prepared INSERT (findings-ingest.ts), ~2x Kysely's multi-row statements.
   * Use it only inside a Kysely transaction callback: Kysely serialises work on this single
   * connection, so there the handle is the transaction's and nothing else can interleave.
   */
  readonly sqlite?: SQLite.Database;
  close(): Promise<void>;
}

// pg returns BIGINT (our bigserial ids, count(*)) as strings; every id we use fits in 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

function openSqlite(file: string): SQLite.Database {
  mkdirSync(dirname(file), { recursive: true });
  const database = new SQLite(file);
  // WAL lets the API read while a worker writes findings; NORMAL is durable across app crashes.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  // 64 MiB of page cache (the default is 2 MiB): ingest adds to six findings indexes at once, and
  // with a small cache each batch re-read their pages from the OS. ~50k -> ~70k findings/s at 1M
  // rows (docs/benchmarks.md).
  database.pragma('cache_size = -65536');
  return database;
}

function postgresDialect(url: string, onIdleError: (error: Error) => void): PostgresDialect {
  // No JIT: it compiles a query's expressions once its estimated cost passes a threshold, which
  // our page queries on a large table do, and added 10-20 ms to a 1 ms page (docs/benchmarks.md).
  const pool = new pg.Pool({ connectionString: url, max: 10, options: '-c jit=off' });
  // An idle connection that dies (server restart, failover, admin termination) is dropped from
  // the pool and replaced on next use; without a listener pg rethrows and kills the process.
  pool.on('error', onIdleError);
  return new PostgresDialect({ pool });
}

/** A unique index or primary key refused a row; better-sqlite3 and pg spell it differently. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

export interface OpenOptions {
  /** Told when PostgreSQL drops an idle pooled connection; the pool recovers by itself. */
  readonly onIdleError?: (error: Error) => void;
}

export function openDatabase(database: Config['database'], options: OpenOptions = {}): Db {
  if (database.kind === 'sqlite') {
    const sqlite = openSqlite(database.file);
    const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    return { kysely, kind: 'sqlite', sqlite, close: () => kysely.destroy() };
  }
  const kysely = new Kysely<Database>({ dialect: postgresDialect(database.url, options.onIdleError ?? (() => undefined)) });
  return { kysely, kind: database.kind, close: () => kysely.destroy() };
}

/** Migrations are listed here, in order: no filesystem discovery. */
function migrations(kind: DatabaseKind): Record<string, Migration> {
  return {
    '0001-initial': initialMigration(kind), '0002-scans': scansMigration(), '0003-accounts': accountsMigration, '0004-findings': findingsMigration,
    '0005-findings-ingest': findingsIngestMigration, '0006-findings-text-search': findingsTextSearchMigration(kind),
    '0007-finding-groups': findingGroupsMigration, '0008-finding-text-index': findingTextIndexMigration(kind),
    '0009-findings-text-order': findingsTextOrderMigration(kind),
  };
}

export async function migrateToLatest(db: Db): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(db.kind) };
  const { error, results } = await new Migrator({ db: db.kysely, provider }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed`, { cause: error });
  }
}
