// Crash: the real server process is SIGKILLed mid-scan and restarted on the same data; the scan
// must end completed (or failed with a reason), never left running.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSim, type RunningSim } from '@cloudsweep/aws-sim';
import { freePort } from '@cloudsweep/aws-sim/moto';
import type { Scan } from '@cloudsweep/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sleep, waitFor } from './jobs-test-kit.js';
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from './test-databases.js';
import { ACCESS_KEY_ID, SECRET_ACCESS_KEY } from './scans-test-kit.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const LEASE_SECONDS = 3;

/** The test's environment without DATABASE_URL: the server runs in its embedded mode. */
function embeddedEnv(): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  return env;
}

class ServerProcess {
  private child: ChildProcess | undefined;
  output = '';

  constructor(readonly url: string, private readonly env: Record<string, string>) {}

  async start(): Promise<void> {
    this.child = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts'], { cwd: REPO_ROOT, env: { ...embeddedEnv(), ...this.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    await waitFor(async () => (await fetch(`${this.url}/api/health`).catch(() => undefined))?.ok, 30_000);
  }

  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGKILL');
    await exited;
  }
}

interface Session {
  cookie: string;
  csrf: string;
}

async function call<T>(url: string, session: Session | undefined, method: string, body?: unknown): Promise<{ status: number; body: T; cookie: string | null }> {
  const response = await fetch(url, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, body: (await response.json()) as T, cookie: response.headers.get('set-cookie') };
}

describe.each(DATABASE_KINDS)('a server killed mid-scan (%s)', { timeout: 90_000 }, (kind) => {
  let sim: RunningSim;
  let dataDir: string;
  let server: ServerProcess;
  let database: TestDatabase | undefined;

  beforeAll(async () => {
    // Slow AWS: the scan runs for several seconds, so the kill lands in the middle of it.
    sim = await startSim({ seed: 3, size: 'small', regions: ['us-east-1'], latencyMs: 300 });
    dataDir = mkdtempSync(join(tmpdir(), 'cloudsweep-crash-'));
    const port = await freePort();
    // PostgreSQL: a fresh database for the server; SQLite: the embedded file under DATA_DIR.
    database = kind === 'postgres' ? await freshDatabase('postgres') : undefined;
    const databaseUrl: Record<string, string> = database?.config.kind === 'postgres' ? { DATABASE_URL: database.config.url } : {};
    server = new ServerProcess(`http://127.0.0.1:${port}`, {
      DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', AWS_ENDPOINT_URL: sim.url, JOB_LEASE_SECONDS: String(LEASE_SECONDS),
      SAMPLE_ACCOUNT: 'false', LOG_LEVEL: 'warn', CLOUDSWEEP_MASTER_KEY: randomBytes(32).toString('base64'), ...databaseUrl,
    });
  });
  afterAll(async () => {
    await server?.kill();
    await sim?.stop();
    await database?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('resumes the scan after a restart and it ends completed, never left running', async () => {
    await server.start();
    const registered = await call<{ csrfToken: string }>(`${server.url}/api/auth/register`, undefined, 'POST', { email: `crash-${kind}@example.com`, password: 'correct-horse-battery-staple' });
    expect(registered.status).toBe(201);
    const session = { cookie: (registered.cookie ?? '').split(';')[0] ?? '', csrf: registered.body.csrfToken };
    const account = await call<{ id: string }>(`${server.url}/api/accounts`, session, 'POST', { name: 'crash', mode: 'keys', accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY });
    expect(account.status, JSON.stringify(account.body)).toBe(201);
    const started = await call<{ scan: Scan }>(`${server.url}/api/accounts/${account.body.id}/scans`, session, 'POST', { regions: ['us-east-1'] });
    expect(started.status).toBe(202);
    const scanUrl = `${server.url}/api/scans/${started.body.scan.id}`;
    const running = await waitFor(async () => {
      const { body } = await call<{ scan: Scan }>(scanUrl, session, 'GET');
      return body.scan.status === 'running' && body.scan.progress.total > 0 ? body.scan : undefined;
    }, 20_000);
    expect(running.attempt).toBe(1);

    await server.kill();
    await sleep(200);
    await server.start();
    const killedAt = Date.now();
    const ended = await waitFor(async () => {
      const { body } = await call<{ scan: Scan }>(scanUrl, session, 'GET');
      return body.scan.status === 'completed' || body.scan.status === 'failed' ? body.scan : undefined;
    }, 60_000);
    expect(ended.status, JSON.stringify(ended.error)).toBe('completed');
    // The lost attempt's lease had to expire first; the next attempt started from nothing.
    expect(ended.attempt).toBe(2);
    expect(Date.now() - killedAt).toBeGreaterThan((LEASE_SECONDS - 1) * 1000);
    expect(ended.summary?.byStatus.fail).toBeGreaterThan(0);
    expect(server.output).not.toContain(SECRET_ACCESS_KEY);
  });
});
