// npm run bench:scan — a large reference account in the simulator (17 regions, ~50k resources,
// 100 ms per call, EC2 token buckets on), scanned with every check. Prints measured time vs the
// lower bound with each term, calls, throttles, retries and peak RSS, and the serial way's time.
// BENCH_SERIAL=0 skips the serial run (it takes minutes: that is the point of it).
import { cpus } from 'node:os';
import { allChecks, scan, type ScanSummary } from '../src/index.js';
import { lowerBound } from './lower-bound.js';
import { startSimProcess } from './sim-process.js';

const LATENCY_MS = 100;
const CREDENTIALS = { kind: 'keys', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' } as const;

async function timedScan(endpoint: string, concurrency: { global: number; perRegionService: number }) {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  let summary: ScanSummary | undefined;
  let results = 0;
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 25);
  for await (const event of scan({ credentials: CREDENTIALS, regions: 'all', endpoint, concurrency, callTimeoutMs: 30_000 })) {
    if (event.type === 'result') results += 1;
    if (event.type === 'summary') summary = event.summary;
  }
  clearInterval(sampler);
  if (!summary) throw new Error('scan ended without a summary');
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return { seconds: (performance.now() - started) / 1000, summary, results, cpuSeconds, peakRssMb: Math.round(peakRss / 2 ** 20) };
}

function servedCalls(byKey: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(byKey).filter(([, n]) => n > 0));
}

const sim = await startSimProcess(['--size', 'large', '--latency-ms', String(LATENCY_MS), '--ec2-throttling']);
try {
  const concurrency = { global: 256, perRegionService: 32 };
  const run = await timedScan(sim.url, concurrency);
  const stats = await sim.stats();
  const boundInput = {
    calls: servedCalls(stats.byKey),
    latencySeconds: LATENCY_MS / 1000,
    perRegionServiceCap: concurrency.perRegionService,
    globalCap: concurrency.global,
    ec2Bucket: { burst: 100, refillPerSecond: 20 },
    items: run.summary.resources,
    cpuPerCallSeconds: 0.0005,
    cpuPerItemSeconds: 0.000135,
    // One event loop parses every response; the simulator runs on the other core.
    cores: 1,
  };
  const bound = lowerBound(boundInput);
  console.log(`machine: ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}`);
  console.log(`account: ${run.summary.resources} resources, ${run.summary.regions.length} regions, ${allChecks.length} checks, ${run.results} results`);
  console.log(`measured: ${run.seconds.toFixed(2)} s   peak RSS: ${run.peakRssMb} MB`);
  console.log(`lower bound: ${bound.seconds.toFixed(2)} s   terms (s): ${Object.entries(bound.terms).map(([k, v]) => `${k}=${v.toFixed(2)}`).join(' ')}`);
  console.log(`measured / lower bound: ${(run.seconds / bound.seconds).toFixed(2)}`);
  const twoCores = lowerBound({ ...boundInput, cores: 2 });
  console.log(`scanner CPU time: ${run.cpuSeconds.toFixed(2)} s; with K=2 (parsing spread over both cores) the bound is ${twoCores.seconds.toFixed(2)} s, ratio ${(run.seconds / twoCores.seconds).toFixed(2)}`);
  const api = run.summary.api;
  console.log(`calls: ${api.attempts} attempts (${api.operations} operations), retries ${api.retries}, throttles ${api.throttles}, errors ${api.errors}; simulator served ${stats.calls}, throttled ${stats.throttled}`);
  if (process.env['BENCH_SERIAL'] !== '0') {
    await sim.resetStats();
    const serial = await timedScan(sim.url, { global: 1, perRegionService: 1 });
    console.log(`serial (concurrency 1): ${serial.seconds.toFixed(2)} s = ${(serial.seconds / run.seconds).toFixed(1)} x ours`);
  }
} finally {
  sim.stop();
}
