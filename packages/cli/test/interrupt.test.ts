import { startMoto, type RunningMoto } from '@cloudsweep/aws-sim/moto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../src/run.js';
import { blackHole, collector } from './black-hole.js';
import { cliEnv, runCli, TEST_KEYS } from './run-cli.js';
import { seedUnattachedVolume } from './seed.js';

let moto: RunningMoto;

beforeAll(async () => {
  moto = await startMoto();
  await seedUnattachedVolume(moto.url, 'eu-west-1');
}, 60_000);

afterAll(async () => {
  await moto?.stop();
});

describe('interrupting a scan', () => {
  it('in-process: stops after the plan, still writes a complete document marked incomplete, exit 130', async () => {
    const interrupt = new AbortController();
    const stdout = collector(() => interrupt.abort(new Error('test interrupt')));
    const stderr = collector();
    const argv = ['scan', '--regions', 'eu-west-1,us-east-1', '--endpoint-url', moto.url, '--format', 'json', '--quiet'];
    const code = await run(argv, { stdout: stdout.stream, stderr: stderr.stream, env: TEST_KEYS, isTTY: false, signal: interrupt.signal });
    expect(code).toBe(130);
    const doc = JSON.parse(stdout.text()) as { summary: { incomplete: boolean } };
    expect(doc.summary.incomplete).toBe(true);
    expect(stderr.text()).toMatch(/incomplete/);
  }, 30_000);

  it('the binary: SIGINT while the scan waits on AWS exits 130 with one line', async () => {
    const hole = await blackHole();
    try {
      let pid = 0;
      const running = runCli(['scan', '--regions', 'eu-west-1', '--endpoint-url', hole.url], cliEnv(TEST_KEYS), (p) => (pid = p));
      await hole.connected;
      process.kill(pid, 'SIGINT');
      const result = await running;
      expect(result.code).toBe(130);
      expect(result.stderr).toMatch(/interrupted; stopping the scan[\s\S]*cloudsweep: Interrupted before the scan started; nothing was scanned\.\n$/);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    } finally {
      hole.server.close();
    }
  }, 30_000);
});
