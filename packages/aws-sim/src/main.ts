import { parseArgs } from 'node:util';
import { startSim, type StartOptions } from './index.js';

/** CLI entry: the benchmark runs the sim in its own process so it does not compete for the scanner's CPU. */
function parseOptions(argv: string[]): StartOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' }, host: { type: 'string' }, seed: { type: 'string' }, size: { type: 'string' },
      'latency-ms': { type: 'string' }, 'ec2-throttling': { type: 'boolean' }, 'disabled-regions': { type: 'string' },
      regions: { type: 'string' }, 'account-id': { type: 'string' },
    },
  });
  const size = values.size ?? 'small';
  if (size !== 'small' && size !== 'large') throw new Error(`--size must be small or large, got ${size}`);
  const list = (v: string | undefined): string[] | undefined => (v === undefined ? undefined : v.split(',').map((s) => s.trim()).filter(Boolean));
  const int = (name: string, v: string | undefined): number | undefined => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer, got ${v}`);
    return n;
  };
  const options: StartOptions = { size, ec2Throttling: values['ec2-throttling'] ?? false };
  const assign = <K extends keyof StartOptions>(key: K, value: StartOptions[K] | undefined): void => {
    if (value !== undefined) options[key] = value;
  };
  assign('port', int('port', values.port));
  assign('host', values.host);
  assign('seed', int('seed', values.seed));
  assign('latencyMs', int('latency-ms', values['latency-ms']));
  assign('disabledRegions', list(values['disabled-regions']));
  assign('regions', list(values.regions));
  assign('accountId', values['account-id']);
  return options;
}

async function main(): Promise<void> {
  const sim = await startSim(parseOptions(process.argv.slice(2)));
  process.stdout.write(`${JSON.stringify({ url: sim.url, port: sim.port })}\n`);
  const shutdown = (): void => {
    sim.stop().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`aws-sim: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
