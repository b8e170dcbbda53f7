// Time from a worker's progress to an SSE client: an app on a real port, a real HTTP client on
// GET /api/scans/:id/events, and progress events published on the bus one at a time; each
// latency is publish -> the event parsed by the client. Used by bench/api.bench.ts; also runs
// on its own: `node --import tsx packages/server/bench/sse-latency.ts [sqlite|postgres] [events]`.
import { pathToFileURL } from 'node:url';
import type { DatabaseKind } from '../src/db/database.js';
import { signUp } from '../test/auth-test-kit.js';
import { SseClient } from '../test/live-sse-client.js';
import { scanOf, startLiveServer } from '../test/live-test-kit.js';
import { freshDatabase } from '../test/test-databases.js';

export interface SseLatency {
  readonly database: DatabaseKind;
  readonly events: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly maxMs: number;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const round = (ms: number): number => Math.round(ms * 1000) / 1000;

export async function measureSseLatency(options: { database?: DatabaseKind; events?: number } = {}): Promise<SseLatency> {
  const kind = options.database ?? 'sqlite';
  const events = options.events ?? 1000;
  const database = await freshDatabase(kind);
  const server = await startLiveServer(database.db);
  let client: SseClient | undefined;
  try {
    const user = await signUp(server.app, 'bench-sse@example.com');
    const scanId = await scanOf(database.db, user.userId, { status: 'running', total: events, phase: 'collect' });
    client = await SseClient.open(`${server.base}/api/scans/${scanId}/events`, { cookie: user.cookie });
    await client.nextEvent();
    const latencies: number[] = [];
    for (let done = 1; done <= events; done += 1) {
      const published = performance.now();
      server.bus.emit(user.userId, scanId, { type: 'progress', done, total: events, phase: 'collect' });
      const received = await client.nextEvent();
      latencies.push(received.at - published);
    }
    latencies.sort((a, b) => a - b);
    return { database: kind, events, p50Ms: round(percentile(latencies, 50)), p95Ms: round(percentile(latencies, 95)), maxMs: round(latencies.at(-1) ?? Number.NaN) };
  } finally {
    client?.close();
    await server.app.close();
    await database.drop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const kind = process.argv[2] === 'postgres' ? 'postgres' : 'sqlite';
  const result = await measureSseLatency({ database: kind, events: Number(process.argv[3] ?? 1000) });
  console.log(JSON.stringify(result));
}
