// Shared set-up for the live (SSE) suites: an app on a real port, owner rows written directly,
// and a bus that counts its subscriptions so a test can see a listener go away.
import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { Db } from '../src/db/database.js';
import type { ScanStatus } from '../src/db/schema.js';
import { InProcessScanEventBus, type ScanEvent, type ScanEventBus, type ScanEventPayload } from '../src/events/scan-events.js';
import type { LiveOptions } from '../src/modules/live/live-hub.js';
import { RELAXED_LIMITS } from './auth-test-kit.js';
import { insertScan } from './findings-test-kit.js';

/** The in-process bus, with a count of live subscriptions. */
export class CountingBus implements ScanEventBus {
  readonly #inner = new InProcessScanEventBus();
  subscriptions = 0;

  publish(event: ScanEvent): void {
    this.#inner.publish(event);
  }

  subscribe(userId: string, listener: (event: ScanEvent) => void): () => void {
    const unsubscribe = this.#inner.subscribe(userId, listener);
    this.subscriptions += 1;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.subscriptions -= 1;
      unsubscribe();
    };
  }

  emit(userId: string, scanId: string, payload: ScanEventPayload): void {
    this.publish({ userId, scanId, payload });
  }
}

export interface LiveServer {
  readonly app: FastifyInstance;
  readonly bus: CountingBus;
  readonly base: string;
}

export async function startLiveServer(db: Db, live: Partial<LiveOptions> = {}): Promise<LiveServer> {
  const bus = new CountingBus();
  const app = await buildApp({ config: loadConfig(RELAXED_LIMITS), db, events: bus, live });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { app, bus, base: `http://127.0.0.1:${port}` };
}

/** A role-mode account (a user may have only one sample account; these tests need many). */
async function insertAccount(db: Db, userId: string): Promise<string> {
  const id = crypto.randomUUID();
  const now = new Date().toISOString();
  await db.kysely
    .insertInto('aws_accounts')
    .values({
      id, user_id: userId, name: `live ${id.slice(0, 8)}`, mode: 'role', aws_account_id: '123456789012', role_arn: 'arn:aws:iam::123456789012:role/cloudsweep',
      external_id: id, access_key_id: null, secret_ciphertext: null, verified_at: now, created_at: now, updated_at: now,
    })
    .execute();
  return id;
}

/** A scan of a fresh account of the user, with the given state. */
export async function scanOf(
  db: Db,
  userId: string,
  state: { status: ScanStatus; done?: number; total?: number; phase?: string; error?: string },
): Promise<string> {
  const accountId = await insertAccount(db, userId);
  const scanId = await insertScan(db.kysely, { userId, accountId, status: state.status });
  await db.kysely
    .updateTable('scans')
    .set({ progress_done: state.done ?? 0, progress_total: state.total ?? 0, phase: state.phase ?? 'planning', error_message: state.error ?? null })
    .where('id', '=', scanId)
    .execute();
  return scanId;
}

export async function until(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
