import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertFindings } from '../src/modules/findings/findings.repository.js';
import { signUp, type SignedInClient } from './auth-test-kit.js';
import { syntheticResult } from './findings-test-kit.js';
import { SseClient } from './live-sse-client.js';
import { scanOf, startLiveServer, type LiveServer } from './live-test-kit.js';
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from './test-databases.js';

function json(message: { data?: string }): unknown {
  return JSON.parse(message.data ?? 'null');
}

function seqOf(id: string | undefined): number {
  return Number(id?.split('-').pop());
}

describe.each(DATABASE_KINDS)('live scan events on %s', (kind) => {
  let database: TestDatabase;
  let server: LiveServer;
  let alice: SignedInClient;
  let bob: SignedInClient;
  const open: SseClient[] = [];

  const connect = async (path: string, as: SignedInClient | undefined, headers: Record<string, string> = {}): Promise<SseClient> => {
    const client = await SseClient.open(server.base + path, { ...(as ? { cookie: as.cookie } : {}), ...headers });
    open.push(client);
    return client;
  };

  beforeAll(async () => {
    database = await freshDatabase(kind);
    server = await startLiveServer(database.db, { heartbeatMs: 60_000, resumeWindowMs: 400 });
    alice = await signUp(server.app, 'alice-live@example.com');
    bob = await signUp(server.app, 'bob-live@example.com');
  });

  afterAll(async () => {
    for (const client of open) client.close();
    await server?.app.close();
    await database?.drop();
  });

  it('answers 401 without a session and 404 for a stranger\'s or unknown scan, before any stream', async () => {
    const bobsScan = await scanOf(database.db, bob.userId, { status: 'running' });
    for (const [path, as, status, code] of [
      [`/api/scans/${bobsScan}/events`, undefined, 401, 'unauthenticated'],
      ['/api/events', undefined, 401, 'unauthenticated'],
      [`/api/scans/${bobsScan}/events`, alice, 404, 'not_found'],
      ['/api/scans/no-such-scan/events', alice, 404, 'not_found'],
    ] as const) {
      const client = await connect(path, as);
      await client.untilEnded();
      expect(client.status, path).toBe(status);
      expect(client.headers['content-type']).toMatch(/^application\/json/);
      expect(JSON.parse(client.body)).toMatchObject({ error: { code } });
    }
  });

  it('sends the database snapshot first, then live events in order with increasing ids, and ends at a terminal status', async () => {
    const scanId = await scanOf(database.db, alice.userId, { status: 'running', done: 3, total: 10, phase: 'collect' });
    await insertFindings(database.db.kysely, scanId, [0, 1, 2, 3, 4].map((i) => syntheticResult(i)));
    const client = await connect(`/api/scans/${scanId}/events`, alice);
    expect(client.status).toBe(200);
    expect(client.headers).toMatchObject({ 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'x-accel-buffering': 'no', connection: 'keep-alive' });
    const snapshot = await client.nextEvent();
    expect(snapshot.event).toBe('snapshot');
    expect(snapshot.id).toBeUndefined();
    expect(json(snapshot)).toMatchObject({ scanId, status: 'running', progress: { done: 3, total: 10, phase: 'collect' }, counts: { fail: 2, pass: 2, unknown: 1 }, error: null });

    server.bus.emit(alice.userId, scanId, { type: 'progress', done: 4, total: 10, phase: 'collect' });
    server.bus.emit(alice.userId, scanId, { type: 'counts', pass: 3, fail: 2, unknown: 1 });
    server.bus.emit(alice.userId, scanId, { type: 'progress', done: 10, total: 10, phase: 'summarize' });
    server.bus.emit(alice.userId, scanId, { type: 'status', status: 'completed' });
    const received = [await client.nextEvent(), await client.nextEvent(), await client.nextEvent(), await client.nextEvent()];
    expect(received.map((m) => [m.event, json(m)])).toEqual([
      ['progress', { scanId, done: 4, total: 10, phase: 'collect' }],
      ['counts', { scanId, pass: 3, fail: 2, unknown: 1 }],
      ['progress', { scanId, done: 10, total: 10, phase: 'summarize' }],
      ['status', { scanId, status: 'completed' }],
    ]);
    const seqs = received.map((m) => seqOf(m.id));
    expect(seqs.every((s, i) => Number.isInteger(s) && (i === 0 || s > (seqs[i - 1] ?? Infinity)))).toBe(true);
    const end = await client.nextEvent();
    expect([end.event, json(end)]).toEqual(['end', { scanId, status: 'completed' }]);
    await client.untilEnded();
  });

  it('sends only the snapshot and end for a scan that has already finished', async () => {
    const scanId = await scanOf(database.db, alice.userId, { status: 'failed', error: 'The role could not be assumed' });
    const client = await connect(`/api/scans/${scanId}/events`, alice);
    expect(json(await client.nextEvent())).toMatchObject({ scanId, status: 'failed', error: 'The role could not be assumed' });
    expect((await client.nextEvent()).event).toBe('end');
    await client.untilEnded();
  });

  it('ignores other scans\' events on a scan\'s stream', async () => {
    const scanId = await scanOf(database.db, alice.userId, { status: 'queued' });
    const other = await scanOf(database.db, alice.userId, { status: 'running' });
    const client = await connect(`/api/scans/${scanId}/events`, alice);
    await client.nextEvent();
    server.bus.emit(alice.userId, other, { type: 'progress', done: 1, total: 2, phase: 'collect' });
    server.bus.emit(alice.userId, scanId, { type: 'status', status: 'running' });
    expect(json(await client.nextEvent())).toEqual({ scanId, status: 'running' });
  });

  it('on reconnect with Last-Event-ID: a fresh snapshot, the missed events, and nothing already seen', async () => {
    const scanId = await scanOf(database.db, alice.userId, { status: 'running', done: 0, total: 8, phase: 'collect' });
    const first = await connect(`/api/scans/${scanId}/events`, alice);
    await first.nextEvent();
    server.bus.emit(alice.userId, scanId, { type: 'progress', done: 1, total: 8, phase: 'collect' });
    // Newer than the coming snapshot's counts (no findings stored): only the id can tell it was seen.
    server.bus.emit(alice.userId, scanId, { type: 'counts', pass: 1, fail: 0, unknown: 0 });
    server.bus.emit(alice.userId, scanId, { type: 'progress', done: 2, total: 8, phase: 'collect' });
    await first.nextEvent();
    expect((await first.nextEvent()).event).toBe('counts');
    const lastSeen = await first.nextEvent();
    first.close();
    // While the browser waits to reconnect: the database moves to 3, the bus to 4.
    await database.db.kysely.updateTable('scans').set({ progress_done: 3 }).where('id', '=', scanId).execute();
    server.bus.emit(alice.userId, scanId, { type: 'progress', done: 3, total: 8, phase: 'collect' });
    server.bus.emit(alice.userId, scanId, { type: 'progress', done: 4, total: 8, phase: 'collect' });

    const second = await connect(`/api/scans/${scanId}/events`, alice, { 'last-event-id': lastSeen.id ?? '' });
    const snapshot = await second.nextEvent();
    expect([snapshot.event, (json(snapshot) as { progress: unknown }).progress]).toEqual(['snapshot', { done: 3, total: 8, phase: 'collect' }]);
    // 3 is in the snapshot already; 4 was missed; 1, the counts and 2 were seen.
    const missed = await second.nextEvent();
    expect([missed.event, json(missed)]).toEqual(['progress', { scanId, done: 4, total: 8, phase: 'collect' }]);
    expect(seqOf(missed.id)).toBeGreaterThan(seqOf(lastSeen.id));
    server.bus.emit(alice.userId, scanId, { type: 'progress', done: 5, total: 8, phase: 'collect' });
    expect(json(await second.nextEvent())).toMatchObject({ done: 5 });
  });

  it('on reconnect with an id this process cannot place: the snapshot alone, then live events', async () => {
    const scanId = await scanOf(database.db, alice.userId, { status: 'running', done: 2, total: 8, phase: 'collect' });
    server.bus.emit(alice.userId, scanId, { type: 'progress', done: 3, total: 8, phase: 'collect' });
    for (const lastEventId of ['AAAAAAAA-1', 'garbage', '']) {
      const client = await connect(`/api/scans/${scanId}/events`, alice, { 'last-event-id': lastEventId });
      expect(json(await client.nextEvent())).toMatchObject({ progress: { done: 2 } });
      server.bus.emit(alice.userId, scanId, { type: 'counts', pass: 1, fail: 0, unknown: 0 });
      const next = await client.nextEvent();
      expect([next.event, json(next)]).toEqual(['counts', { scanId, pass: 1, fail: 0, unknown: 0 }]);
      client.close();
    }
  });
});
