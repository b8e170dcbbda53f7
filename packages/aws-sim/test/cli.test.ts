import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../bin/aws-sim.js', import.meta.url));

describe('aws-sim CLI', () => {
  it('prints one JSON line when listening, serves stats and exits on SIGTERM', async () => {
    const child = spawn(process.execPath, [BIN, '--port', '0', '--seed', '4', '--latency-ms', '1', '--disabled-regions', 'af-south-1,me-south-1'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const lines = createInterface({ input: child.stdout });
    const [first] = (await once(lines, 'line')) as [string];
    const info = JSON.parse(first) as { url: string; port: number };
    expect(info.url).toBe(`http://127.0.0.1:${info.port}`);
    const stats = await (await fetch(`${info.url}/_sim/stats`)).json() as { calls: number };
    expect(stats.calls).toBe(0);
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
  }, 20_000);
});
