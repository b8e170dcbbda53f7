import { startSim, type FaultRule, type RunningSim } from '@cloudsweep/aws-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../src/run.js';
import { collector } from './black-hole.js';
import { cliEnv, runCli, TEST_KEYS } from './run-cli.js';

const REGIONS = ['us-east-1', 'eu-west-1'];
/** Never answered: the call hangs well past the 1 s deadline (the call timeout is 20 s). */
const hangVolumes = (region?: string): FaultRule => ({ service: 'ec2', action: 'DescribeVolumes', kind: 'timeout', ...(region ? { region } : {}) });

let sim: RunningSim;

beforeAll(async () => {
  sim = await startSim({ seed: 7, regions: REGIONS, size: 'small' });
});

afterAll(async () => {
  await sim?.stop();
});

interface Report {
  summary: { incomplete: boolean };
  results: Array<{ status: string; region: string }>;
}

async function scanInProcess(...extra: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = collector();
  const stderr = collector();
  const argv = ['scan', '--regions', REGIONS.join(','), '--checks', 'ec2', '--endpoint-url', sim.url, '--format', 'json', '--quiet', ...extra];
  const code = await run(argv, { stdout: stdout.stream, stderr: stderr.stream, env: TEST_KEYS, isTTY: false });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

describe('a scan that reaches its --timeout deadline', () => {
  it('after the plan: exit 3, one line saying why, and the results so far marked incomplete', async () => {
    sim.setFaults([hangVolumes()]);
    const started = performance.now();
    const scanned = await scanInProcess('--timeout', '1');
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(scanned.code).toBe(3);
    expect((JSON.parse(scanned.stdout) as Report).summary.incomplete).toBe(true);
    expect(scanned.stderr).toBe(
      'cloudsweep: the scan did not finish: its deadline (1 s) was reached; raise --timeout to scan more. ' +
        'The results so far are in the report, marked incomplete.\n',
    );
  });

  it('a finding at or above --fail-on still exits 1', async () => {
    sim.setFaults([hangVolumes('eu-west-1')]);
    const scanned = await scanInProcess('--timeout', '1', '--fail-on', 'info');
    const report = JSON.parse(scanned.stdout) as Report;
    expect(report.summary.incomplete).toBe(true);
    expect(report.results.some((r) => r.status === 'fail' && r.region === 'us-east-1')).toBe(true);
    expect(scanned.code).toBe(1);
    expect(scanned.stderr).toMatch(/did not finish: its deadline \(1 s\) was reached/);
  });

  it('before the plan: exit 3 and one line, nothing scanned', async () => {
    sim.setFaults([{ service: 'sts', kind: 'timeout' }]);
    const scanned = await scanInProcess('--timeout', '1');
    expect(scanned.code).toBe(3);
    expect(scanned.stdout).toBe('');
    expect(scanned.stderr).toBe('cloudsweep: The scan did not start: its deadline (1 s) was reached first; nothing was scanned. Raise --timeout.\n');
  });
});

describe('interrupting the binary after the plan', () => {
  it('exits 130 at once, the calls in flight cut, with the report so far', async () => {
    sim.setFaults([hangVolumes()]);
    sim.resetStats();
    let pid = 0;
    const argv = ['scan', '--regions', REGIONS.join(','), '--checks', 'ec2', '--endpoint-url', sim.url, '--format', 'json'];
    const running = runCli(argv, cliEnv(TEST_KEYS), (p) => (pid = p));
    while (!Object.keys(sim.stats().byKey).some((key) => key.endsWith(':DescribeVolumes'))) await new Promise((r) => setTimeout(r, 20));
    const interruptedAt = performance.now();
    process.kill(pid, 'SIGINT');
    const result = await running;
    expect(performance.now() - interruptedAt).toBeLessThan(3_000);
    expect(result.code).toBe(130);
    expect((JSON.parse(result.stdout) as Report).summary.incomplete).toBe(true);
    expect(result.stderr).toMatch(/interrupted; stopping the scan[\s\S]*the scan did not finish: it was interrupted\./);
  });
});
