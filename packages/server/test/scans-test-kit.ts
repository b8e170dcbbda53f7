// Shared set-up for the scan suites: the API with a real DatabaseJobQueue worker (fast
// timings), an account row with encrypted keys, and polling helpers.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Scan } from '@cloudsweep/contract';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { Db } from '../src/db/database.js';
import { InProcessScanEventBus, type ScanEvent } from '../src/events/scan-events.js';
import { DatabaseJobQueue } from '../src/jobs/database-job-queue.js';
import type { JobEvent } from '../src/jobs/job-queue.js';
import { TextIndexer } from '../src/modules/findings/findings-text-index.js';
import { startScanWorker, type ScanJobDeps } from '../src/modules/scans/scans.job.js';
import { encryptAccountSecret } from '../src/secrets/account-secret.js';
import { loadKeyring, type Keyring } from '../src/secrets/keyring.js';
import { asUser, postJson, RELAXED_LIMITS, signUp, type SignedInClient } from './auth-test-kit.js';
import { waitFor } from './jobs-test-kit.js';

export const ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
export const SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

export interface ScanHarness {
  readonly app: FastifyInstance;
  readonly queue: DatabaseJobQueue;
  readonly keyring: Keyring;
  readonly events: ScanEvent[];
  /** The queue's events with when they happened: when a handler really stopped. */
  readonly jobEvents: { at: number; event: JobEvent }[];
  /** SQLite's text index builder, as main.ts starts it; absent on PostgreSQL. */
  readonly textIndexer: TextIndexer | undefined;
  close(): Promise<void>;
}

export interface HarnessOptions {
  readonly endpoint: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly engine?: ScanJobDeps['engine'];
}

/** The app plus a scan worker on the same database, as main.ts wires them. */
export async function startHarness(db: Db, options: HarnessOptions): Promise<ScanHarness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cloudsweep-keys-'));
  const config = loadConfig({ ...RELAXED_LIMITS, SCAN_RATE_LIMIT_PER_HOUR: '1000', SAMPLE_ACCOUNT: 'false', SCAN_MAX_ATTEMPTS: '3', ...options.env });
  const keyring = loadKeyring({ dataDir, masterKey: randomBytes(32).toString('base64'), previousMasterKeys: [] });
  const bus = new InProcessScanEventBus();
  const events: ScanEvent[] = [];
  const jobEvents: { at: number; event: JobEvent }[] = [];
  const queue = new DatabaseJobQueue(db, {
    onEvent: (event) => jobEvents.push({ at: Date.now(), event }),
    pollIntervalMs: 20, leaseMs: 2_000, heartbeatMs: 200, cancelCheckMs: 50, backoffBaseMs: 50, shutdownGraceMs: 2_000, defaultMaxAttempts: config.scanMaxAttempts,
  });
  const app = await buildApp({ config, db, jobs: queue, events: bus, keyring });
  const engine = { callTimeoutMs: 5_000, maxAttempts: 2, ...options.engine };
  const textIndexer = db.kind === 'sqlite' ? new TextIndexer(db.kysely) : undefined;
  const publish = (e: ScanEvent): void => {
    events.push(e);
    bus.publish(e);
  };
  startScanWorker(queue, { db, events: { publish, subscribe: (u, l) => bus.subscribe(u, l) }, keyring, endpoint: options.endpoint, engine, ...(textIndexer ? { textIndexer } : {}) });
  return {
    app, queue, keyring, events, jobEvents, textIndexer,
    close: async () => {
      await queue.close();
      await textIndexer?.close();
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A keys-mode account row, its secret sealed as the accounts module stores it. */
export async function insertKeysAccount(db: Db, keyring: Keyring, userId: string): Promise<string> {
  const id = randomUUID();
  const now = new Date().toISOString();
  await db.kysely.insertInto('aws_accounts').values({
    id, user_id: userId, name: 'test account', mode: 'keys', aws_account_id: '123456789012', role_arn: null, external_id: null,
    access_key_id: ACCESS_KEY_ID, secret_ciphertext: encryptAccountSecret(keyring, id, JSON.stringify({ secretAccessKey: SECRET_ACCESS_KEY })),
    verified_at: now, created_at: now, updated_at: now,
  }).execute();
  return id;
}

let users = 0;
export async function newUser(app: FastifyInstance): Promise<SignedInClient> {
  users += 1;
  return signUp(app, `scans-${users}-${randomUUID().slice(0, 8)}@example.com`);
}

export function startScan(app: FastifyInstance, client: SignedInClient, accountId: string, body: unknown) {
  return postJson(app, `/api/accounts/${accountId}/scans`, body, { headers: asUser(client) });
}

export function postScan(app: FastifyInstance, client: SignedInClient, scanId: string, action: 'cancel' | 'retry') {
  return app.inject({ method: 'POST', url: `/api/scans/${scanId}/${action}`, headers: asUser(client) });
}

export async function getScan(app: FastifyInstance, client: SignedInClient, scanId: string): Promise<Scan> {
  const response = await app.inject({ method: 'GET', url: `/api/scans/${scanId}`, headers: asUser(client, false) });
  expect(response.statusCode).toBe(200);
  return response.json<{ scan: Scan }>().scan;
}

/** Polls GET /api/scans/:id until the scan reaches one of `statuses`. */
export async function waitForStatus(app: FastifyInstance, client: SignedInClient, scanId: string, statuses: readonly Scan['status'][], timeoutMs = 20_000): Promise<Scan> {
  return waitFor(async () => {
    const scan = await getScan(app, client, scanId);
    return statuses.includes(scan.status) ? scan : undefined;
  }, timeoutMs);
}
