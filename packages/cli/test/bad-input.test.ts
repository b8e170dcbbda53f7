import { DEFAULT_CONCURRENCY } from '@cloudsweep/engine';
import { describe, expect, it } from 'vitest';
import { cliEnv, runCli, TEST_KEYS, type CliRun } from './run-cli.js';

/** Every failure is one line on stderr, `cloudsweep: <what>. <what is valid>.`, never a stack. */
function expectOneLineError(run: CliRun, code: number, pattern: RegExp): void {
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^cloudsweep: [^\n]+\.\n$/);
  expect(run.stderr).toMatch(pattern);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.code).toBe(code);
}

// Independent spawns: run side by side, each pays the ~1 s tsx start-up.
describe.concurrent('bad input through the binary', () => {
  it('unknown region: exit 2, listing the valid regions', async () => {
    expectOneLineError(await runCli(['scan', '--regions', 'eu-west-1,mars-1']), 2, /Unknown region: mars-1\. Valid regions: af-south-1, .*us-west-2, or "all"/);
  });

  it('unknown check: exit 2, naming the services', async () => {
    expectOneLineError(await runCli(['scan', '--checks', 'ec2.nope']), 2, /Unknown check: ec2\.nope\. Use a check id or a service name.*Services: .*ec2/);
  });

  it('unknown format: exit 2, naming the formats', async () => {
    expectOneLineError(await runCli(['scan', '--format', 'xml']), 2, /Unknown format "xml"\. Valid formats: table, json, csv, sarif/);
  });

  it('unknown flag: exit 2, listing the valid flags', async () => {
    expectOneLineError(await runCli(['scan', '--region', 'eu-west-1']), 2, /Unknown flag --region\. Valid flags for `cloudsweep scan`: --regions <value>, .*--quiet/);
  });

  it('malformed role ARN: exit 2, showing what one looks like', async () => {
    expectOneLineError(await runCli(['scan', '--role-arn', 'not-an-arn']), 2, /"not-an-arn" is not a role ARN\. A role ARN looks like arn:aws:iam::123456789012:role\/name/);
  });

  it('malformed access key: exit 2', async () => {
    const env = cliEnv({ ...TEST_KEYS, AWS_ACCESS_KEY_ID: 'AKIA123' });
    expectOneLineError(await runCli(['scan', '--regions', 'eu-west-1'], env), 2, /AWS_ACCESS_KEY_ID is malformed/);
  });

  it('unreachable endpoint: exit 3, one line, no stack trace', async () => {
    const run = await runCli(['scan', '--regions', 'eu-west-1', '--endpoint-url', 'http://127.0.0.1:1'], cliEnv(TEST_KEYS));
    expectOneLineError(run, 3, /sts:GetCallerIdentity.*ECONNREFUSED.*Check the network/);
  }, 30_000);

  it('unknown command: exit 2, naming the commands', async () => {
    expectOneLineError(await runCli(['sacn']), 2, /Unknown command "sacn"\. Valid commands: scan, checks, policy/);
  });
});

describe.concurrent('catalogue, policy, help and version', () => {
  it('checks --format json lists every check id with its metadata', async () => {
    const run = await runCli(['checks', '--format', 'json']);
    expect(run.code).toBe(0);
    const checks = JSON.parse(run.stdout) as Array<{ id: string; severity: string; permissions: string[] }>;
    expect(checks.length).toBeGreaterThan(0);
    expect(checks.map((c) => c.id)).toContain('ec2.volume-attached');
    expect(checks.every((c) => /^[a-z0-9]+\.[a-z0-9-]+$/.test(c.id) && c.permissions.length > 0)).toBe(true);
  });

  it('policy prints a valid least-privilege IAM policy', async () => {
    const run = await runCli(['policy']);
    expect(run.code).toBe(0);
    const policy = JSON.parse(run.stdout) as { Version: string; Statement: Array<{ Effect: string; Action: string[]; Resource: string }> };
    expect(policy.Version).toBe('2012-10-17');
    const actions = policy.Statement.flatMap((s) => s.Action);
    expect(actions).toEqual(expect.arrayContaining(['ec2:DescribeVolumes', 'sts:GetCallerIdentity']));
    expect(actions.every((a) => /^[a-z0-9-]+:[A-Z]\w+$/.test(a))).toBe(true);
    expect(actions.filter((a) => /:(Create|Delete|Put|Update|Attach|Detach|Modify|Terminate)/.test(a))).toEqual([]);
    expect(policy.Statement.every((s) => s.Effect === 'Allow')).toBe(true);
  });

  it('--help, scan --help and --version', async () => {
    const [main, scanHelp, version] = await Promise.all([runCli(['--help']), runCli(['scan', '--help']), runCli(['--version'])]);
    expect(main.code).toBe(0);
    expect(main.stdout).toMatch(/Exit codes:[\s\S]*3 +the scan could not run[\s\S]*did not finish[\s\S]*130/);
    expect(scanHelp.code).toBe(0);
    expect(scanHelp.stdout).toMatch(/--fail-on SEVERITY[\s\S]*default: none[\s\S]*Unknown results[\s\S]*never trigger/);
    expect(scanHelp.stdout).toContain('Examples:');
    expect(scanHelp.stdout).toMatch(new RegExp(`--concurrency N .*default: ${DEFAULT_CONCURRENCY.global};`));
    expect(scanHelp.stdout).toMatch(/--timeout SECONDS .*default: 7200\)[\s\S]*exit code is 3/);
    expect(version.stdout).toMatch(/^cloudsweep \d+\.\d+\.\d+\n$/);
  });
});
