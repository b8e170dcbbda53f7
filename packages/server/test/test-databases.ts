// Real databases for server tests: a fresh SQLite file, and a fresh PostgreSQL database on the
// machine's server (127.0.0.1:5432, or TEST_POSTGRES_URL). A missing PostgreSQL fails the
// tests: it never silently skips them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Config } from '../src/config.js';
import { migrateToLatest, openDatabase, type Db, type DatabaseKind } from '../src/db/database.js';

export const DATABASE_KINDS: readonly DatabaseKind[] = ['sqlite', 'postgres'];

const ADMIN_URL = process.env['TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  readonly db: Db;
  readonly config: Config['database'];
  drop(): Promise<void>;
}

/** Runs one statement as the admin user; a missing server is an error that says what to do. */
async function adminQuery(statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect().catch((error: unknown) => {
    throw new Error(`PostgreSQL is not reachable at ${ADMIN_URL}: start it (see .ci/run)`, { cause: error });
  });
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

async function freshPostgres(): Promise<TestDatabase> {
  const name = `cloudsweep_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const config = { kind: 'postgres' as const, url: url.toString() };
  const db = openDatabase(config);
  return {
    db,
    config,
    drop: async () => {
      await db.close();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

function freshSqlite(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'cloudsweep-test-'));
  const config = { kind: 'sqlite' as const, file: join(dir, 'cloudsweep.db') };
  const db = openDatabase(config);
  return {
    db,
    config,
    drop: async () => {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A new, migrated database of the given kind. */
export async function freshDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  const database = kind === 'sqlite' ? freshSqlite() : await freshPostgres();
  await migrateToLatest(database.db);
  return database;
}
