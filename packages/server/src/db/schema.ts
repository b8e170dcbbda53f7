import type { Generated } from 'kysely';

/**
 * Portable column types, the same on SQLite and PostgreSQL: timestamps are ISO-8601 UTC text
 * (sortable as text), booleans are 0/1 integers, structured values are JSON text.
 */
export interface UsersTable {
  id: string;
  email: string;
  password_hash: string;
  created_at: string;
}

export interface SessionsTable {
  /** sha256 of the session token; the token itself exists only in the browser's cookie. */
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string;
  user_agent: string;
}

export interface AwsAccountsTable {
  id: string;
  user_id: string;
  name: string;
  mode: 'role' | 'keys' | 'sample';
  aws_account_id: string | null;
  role_arn: string | null;
  external_id: string | null;
  access_key_id: string | null;
  /** AES-256-GCM envelope `v1:<keyId>:<iv>:<tag>:<ciphertext>` of the secret material. */
  secret_ciphertext: string | null;
  verified_at: string | null;
  created_at: string;
  updated_at: string;
}

/** An ExternalId issued to a user before their role exists; consumed when an account uses it. */
export interface PendingExternalIdsTable {
  external_id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export type ScanStatus = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';

export interface ScansTable {
  id: string;
  account_id: string;
  user_id: string;
  status: ScanStatus;
  regions: string;
  checks: string | null;
  scope_key: string;
  attempt: number;
  retry_of: string | null;
  cached: number;
  progress_done: number;
  progress_total: number;
  phase: string;
  error_message: string | null;
  error_details: string | null;
  warnings: string;
  summary: string | null;
  created_at: string;
  started_at: string | null;
  completed_at: string | null;
  updated_at: string;
}

export interface FindingsTable {
  id: Generated<number>;
  scan_id: string;
  fingerprint: string;
  check_id: string;
  service: string;
  kind: string;
  severity: string;
  /** 5 = critical ... 1 = info: sorts by severity without a CASE. */
  severity_rank: number;
  status: string;
  region: string;
  resource_arn: string;
  resource_type: string;
  resource_id: string;
  message: string;
  savings_usd: number | null;
  savings_basis: string | null;
}

/**
 * How many findings a scan has per (check, severity, region, status), kept by ingest in the same
 * transaction as the rows. A few thousand rows per scan at most: the summary of a running scan
 * and the page planner (findings-walk.ts) read these instead of the findings themselves.
 */
export interface FindingGroupsTable {
  scan_id: string;
  check_id: string;
  severity_rank: number;
  region: string;
  status: string;
  service: string;
  kind: string;
  findings: number;
  savings_usd: number;
}

/**
 * SQLite's text index of a completed scan (findings-text-index.ts): rows of the finding_text FTS5
 * table whose rowids start with `seq`. `abandoned` (or scan_id null: the scan was deleted) marks
 * rows to purge. Empty on PostgreSQL, which has its trigram index instead.
 */
export interface FindingTextScansTable {
  seq: Generated<number>;
  scan_id: string | null;
  state: 'building' | 'ready' | 'abandoned';
}

export interface AuditEventsTable {
  id: Generated<number>;
  user_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  ip: string;
  user_agent: string;
  details: string | null;
  created_at: string;
}

export interface JobsTable {
  id: string;
  kind: string;
  payload: string;
  status: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  run_after: string;
  lease_owner: string | null;
  lease_expires_at: string | null;
  attempts: number;
  max_attempts: number;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  aws_accounts: AwsAccountsTable;
  scans: ScansTable;
  findings: FindingsTable;
  finding_groups: FindingGroupsTable;
  finding_text_scans: FindingTextScansTable;
  /** FTS5, SQLite only (migration 0008): rowid and the indexed text; queried through sql``. */
  finding_text: { text: string };
  audit_events: AuditEventsTable;
  jobs: JobsTable;
  pending_external_ids: PendingExternalIdsTable;
}
