import type { Kysely, Migration } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

/** An auto-incrementing integer key, spelled as each database wants it. */
function serialKey(dialect: Dialect) {
  return dialect === 'postgres' ? ('bigserial' as const) : ('integer' as const);
}

async function createIdentityTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('user_agent', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
}

async function createAccountTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('aws_accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('aws_account_id', 'text')
    .addColumn('role_arn', 'text')
    .addColumn('external_id', 'text')
    .addColumn('access_key_id', 'text')
    .addColumn('secret_ciphertext', 'text')
    .addColumn('verified_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('aws_accounts_user').on('aws_accounts').columns(['user_id', 'created_at']).execute();
}

async function createScanTables(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('scans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('aws_accounts.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('regions', 'text', (c) => c.notNull())
    .addColumn('checks', 'text')
    .addColumn('scope_key', 'text', (c) => c.notNull())
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('retry_of', 'text')
    .addColumn('cached', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('progress_done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('progress_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('error_message', 'text')
    .addColumn('error_details', 'text')
    .addColumn('warnings', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('summary', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('scans_account_created').on('scans').columns(['account_id', 'created_at']).execute();
  await db.schema.createIndex('scans_user_created').on('scans').columns(['user_id', 'created_at']).execute();
  await db.schema.createIndex('scans_cache').on('scans').columns(['account_id', 'scope_key', 'status', 'completed_at']).execute();
  await db.schema
    .createTable('findings')
    .addColumn('id', serialKey(dialect), (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('scan_id', 'text', (c) => c.notNull().references('scans.id').onDelete('cascade'))
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('check_id', 'text', (c) => c.notNull())
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('severity_rank', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('resource_arn', 'text', (c) => c.notNull())
    .addColumn('resource_type', 'text', (c) => c.notNull())
    .addColumn('resource_id', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('savings_usd', 'real')
    .addColumn('savings_basis', 'text')
    .execute();
  // Keyset pages: (scan, sort key, id). Filters narrow within a scan.
  await db.schema.createIndex('findings_scan_severity').on('findings').columns(['scan_id', 'severity_rank', 'id']).execute();
  await db.schema.createIndex('findings_scan_check').on('findings').columns(['scan_id', 'check_id', 'id']).execute();
  await db.schema.createIndex('findings_scan_region').on('findings').columns(['scan_id', 'region', 'id']).execute();
  await db.schema.createIndex('findings_scan_resource').on('findings').columns(['scan_id', 'resource_arn', 'id']).execute();
  await db.schema.createIndex('findings_scan_status').on('findings').columns(['scan_id', 'status', 'severity_rank', 'id']).execute();
  await db.schema.createIndex('findings_scan_fingerprint').on('findings').columns(['scan_id', 'fingerprint']).execute();
}

async function createOperationTables(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('audit_events')
    .addColumn('id', serialKey(dialect), (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('user_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text')
    .addColumn('target_id', 'text')
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('user_agent', 'text', (c) => c.notNull())
    .addColumn('details', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_user_id').on('audit_events').columns(['user_id', 'id']).execute();
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('run_after', 'text', (c) => c.notNull())
    .addColumn('lease_owner', 'text')
    .addColumn('lease_expires_at', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('jobs_claim').on('jobs').columns(['status', 'run_after']).execute();
}

export function initialMigration(dialect: Dialect): Migration {
  return {
    async up(db) {
      await createIdentityTables(db);
      await createAccountTables(db);
      await createScanTables(db, dialect);
      await createOperationTables(db, dialect);
    },
    async down(db) {
      for (const table of ['jobs', 'audit_events', 'findings', 'scans', 'aws_accounts', 'sessions', 'users']) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
