import type { AddressInfo } from 'node:net';
import { FaultInjector } from './faults.js';
import { generateAccount, type GenerateOptions } from './generate/account.js';
import type { SimAccount } from './model.js';
import { createSimServer } from './server.js';
import { StatsRecorder } from './stats.js';
import { resolveThrottle } from './throttle.js';
import type { FaultRule, SimOptions, SimStats } from './types.js';

export type { AccountSize, FaultRule, SimOptions, SimStats, ThrottleConfig } from './types.js';
export type * from './model.js';
export { generateAccount, countResources, resolveSize, type GenerateOptions, type SizePreset } from './generate/account.js';
export { LARGE_SIZE, SMALL_SIZE, STANDARD_REGIONS } from './generate/context.js';

export interface RunningSim {
  url: string;
  port: number;
  account: SimAccount;
  stats(): SimStats;
  resetStats(): void;
  setFaults(rules: FaultRule[]): void;
  stop(): Promise<void>;
}

export interface StartOptions extends Omit<SimOptions, 'size'> {
  size?: GenerateOptions['size'];
  port?: number;
  host?: string;
}

export async function startSim(options: StartOptions = {}): Promise<RunningSim> {
  const account = generateAccount(options);
  const faults = new FaultInjector(options.faults ?? [], account.seed);
  const stats = new StatsRecorder();
  const { server, cancelPending } = createSimServer({
    account, faults, stats, latencyMs: options.latencyMs ?? 0, throttle: resolveThrottle(options.ec2Throttling),
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`, port, account,
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
    setFaults: (rules) => faults.set(rules),
    // Hanging "timeout" requests hold sockets open; close them so stop() never waits on a client.
    stop: () => new Promise<void>((resolve, reject) => {
      cancelPending();
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    }),
  };
}
