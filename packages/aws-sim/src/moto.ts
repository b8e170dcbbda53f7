import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

/** A moto server (the independent AWS emulator) started for a test run. */
export interface RunningMoto {
  readonly url: string;
  /** Clears every account and region, for a test that needs a blank slate. */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** `.ci/run` installs moto in the repository's venv; MOTO_SERVER overrides the binary. */
export function motoBinary(): string {
  const binary = process.env['MOTO_SERVER'] ?? join(REPO_ROOT, '.venv', 'bin', 'moto_server');
  if (!existsSync(binary)) {
    throw new Error(`moto_server not found at ${binary}: run .ci/run (or python3 -m venv .venv && .venv/bin/pip install 'moto[server]')`);
  }
  return binary;
}

/** A TCP port free on 127.0.0.1 right now, for a server a test is about to start. */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitUntilUp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`moto_server exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/moto-api/`);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`moto_server did not start within ${timeoutMs} ms`);
}

export interface MotoOptions {
  /** Extra environment for the server, e.g. `MOTO_IAM_LOAD_MANAGED_POLICIES: 'true'`. */
  readonly env?: Readonly<Record<string, string>>;
}

/** Starts moto on a free loopback port; fails (never skips) when moto is not installed. */
export async function startMoto(options: MotoOptions = {}): Promise<RunningMoto> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = { ...process.env, ...options.env };
  const child = spawn(motoBinary(), ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore', env });
  await waitUntilUp(url, child, 30_000);
  return {
    url,
    reset: async () => {
      await fetch(`${url}/moto-api/reset`, { method: 'POST' });
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(3_000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
