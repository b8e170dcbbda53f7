import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMoto, type RunningMoto } from '@cloudsweep/aws-sim/moto';
import { CSV_COLUMNS } from '@cloudsweep/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSarif } from '../src/format/sarif-shape.js';
import { parseCsv } from '@cloudsweep/engine';
import { cliEnv, runCli, TEST_KEYS } from './run-cli.js';
import { seedUnattachedVolume } from './seed.js';

let moto: RunningMoto;
let volumeId: string;
let dir: string;

const scanArgs = (...extra: string[]): string[] => [
  'scan', '--regions', 'eu-west-1,us-east-1', '--checks', 'ec2.volume-attached', '--endpoint-url', moto.url, ...extra,
];
const env = (): Record<string, string> => cliEnv(TEST_KEYS);

beforeAll(async () => {
  moto = await startMoto();
  volumeId = await seedUnattachedVolume(moto.url, 'eu-west-1');
  dir = await mkdtemp(join(tmpdir(), 'cloudsweep-cli-'));
}, 60_000);

afterAll(async () => {
  await moto?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('cloudsweep scan against moto', () => {
  it('json: one document with the failing volume; --fail-on low exits 1', async () => {
    const run = await runCli(scanArgs('--format', 'json', '--fail-on', 'low'), env());
    expect(run.stderr).toMatch(/Scanned 2 regions in .*: 1 failed, 0 unknown, 0 passed/);
    expect(run.code).toBe(1);
    const doc = JSON.parse(run.stdout) as { plan: { regions: string[] }; results: Array<Record<string, unknown>>; issues: unknown[]; summary: { incomplete: boolean } };
    expect(doc.plan.regions).toEqual(['eu-west-1', 'us-east-1']);
    expect(doc.results).toContainEqual(expect.objectContaining({ status: 'fail', resourceId: volumeId, region: 'eu-west-1', checkId: 'ec2.volume-attached' }));
    expect(doc.issues).toEqual([]);
    expect(doc.summary.incomplete).toBe(false);
  }, 30_000);

  it('sarif: the 2.1.0 shape naming the volume ARN; --fail-on high exits 0', async () => {
    const run = await runCli(scanArgs('--format', 'sarif', '--fail-on', 'high', '--quiet'), env());
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const log = parseSarif(run.stdout);
    const sarifRun = log.runs[0];
    expect(sarifRun?.tool.driver.rules.map((r) => r.id)).toEqual(['ec2.volume-attached']);
    const arn = sarifRun?.results[0]?.locations[0]?.logicalLocations[0]?.fullyQualifiedName;
    expect(arn).toMatch(new RegExp(`^arn:aws:ec2:eu-west-1:\\d{12}:volume/${volumeId}$`));
  }, 30_000);

  it('csv with --output: the file is written atomically and parses back; exit 0 without --fail-on', async () => {
    const file = join(dir, 'report.csv');
    const run = await runCli(scanArgs('--format', 'csv', '--output', file), env());
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`Wrote ${file}.`);
    const rows = parseCsv(await readFile(file, 'utf8'));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    const failing = rows.find((r) => r[CSV_COLUMNS.indexOf('resource_id')] === volumeId);
    expect(failing?.[CSV_COLUMNS.indexOf('status')]).toBe('fail');
    expect(Number(failing?.[CSV_COLUMNS.indexOf('monthly_savings_usd')])).toBeGreaterThan(0);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 30_000);

  it('table: the finding under its severity, then the summary; plain progress lines off a terminal', async () => {
    const run = await runCli(scanArgs(), env());
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`LOW \\(1\\)[\\s\\S]*FAIL\\s+ec2\\.volume-attached\\s+eu-west-1\\s+${volumeId}`));
    expect(run.stdout).toMatch(/Results\s+1 failed, 0 unknown, 0 passed/);
    expect(run.stdout).toMatch(/Monthly savings\s+\$\d+\.\d\d/);
    expect(run.stderr).toMatch(/^Scanning account \d{12}: 2 regions, 1 check, 2 tasks\n/);
    expect(run.stderr).not.toContain('\r');
  }, 30_000);
});
