import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface SimStatsSnapshot {
  readonly calls: number;
  readonly byKey: Record<string, number>;
  readonly throttled: number;
  readonly faults: number;
}

export interface SimProcess {
  readonly url: string;
  stats(): Promise<SimStatsSnapshot>;
  resetStats(): Promise<void>;
  stop(): void;
}

const BIN = fileURLToPath(new URL('../../aws-sim/bin/aws-sim.js', import.meta.url));

/** The simulator in its own process, so serving AWS does not steal the scanner's CPU. */
export async function startSimProcess(args: readonly string[]): Promise<SimProcess> {
  const child: ChildProcess = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const firstLine = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`aws-sim exited with ${code}`)));
  });
  const { url } = JSON.parse(firstLine) as { url: string };
  return {
    url,
    stats: async () => (await (await fetch(`${url}/_sim/stats`)).json()) as SimStatsSnapshot,
    resetStats: async () => {
      await fetch(`${url}/_sim/reset-stats`, { method: 'POST' });
    },
    stop: () => child.kill('SIGTERM'),
  };
}
