import type { ScanLiveState } from '@cloudsweep/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isStale } from '../src/modules/live/live.service.js';
import { signUp, type SignedInClient } from './auth-test-kit.js';
import { SseClient } from './live-sse-client.js';
import { scanOf, startLiveServer, until, type LiveServer } from './live-test-kit.js';
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from './test-databases.js';

function json(message: { data?: string }): unknown {
  return JSON.parse(message.data ?? 'null');
}

describe.each(DATABASE_KINDS)('the user\'s live stream on %s', (kind) => {
  let database: TestDatabase;
  let server: LiveServer;
  let alice: SignedInClient;
  let bob: SignedInClient;
  const open: SseClient[] = [];

  const connect = async (path: string, as: SignedInClient, base = server.base): Promise<SseClient> => {
    const client = await SseClient.open(base + path, { cookie: as.cookie });
    open.push(client);
    return client;
  };

  beforeAll(async () => {
    database = await freshDatabase(kind);
    server = await startLiveServer(database.db, { heartbeatMs: 60_000, resumeWindowMs: 300 });
    alice = await signUp(server.app, 'alice-stream@example.com');
    bob = await signUp(server.app, 'bob-stream@example.com');
  });

  afterAll(async () => {
    for (const client of open) client.close();
    await server?.app.close();
    await database?.drop();
  });

  it('starts with a snapshot of the user\'s active scans only, then relays every event of theirs and none of anyone else\'s', async () => {
    const running = await scanOf(database.db, alice.userId, { status: 'running', done: 1, total: 4, phase: 'collect' });
    const queued = await scanOf(database.db, alice.userId, { status: 'queued' });
    await scanOf(database.db, alice.userId, { status: 'completed' });
    const bobs = await scanOf(database.db, bob.userId, { status: 'running' });
    const client = await connect('/api/events', alice);
    const snapshot = await client.nextEvent();
    expect(snapshot.event).toBe('snapshot');
    const scans = (json(snapshot) as { scans: ScanLiveState[] }).scans;
    expect(scans.map((s) => s.scanId).sort()).toEqual([running, queued].sort());
    expect(scans.find((s) => s.scanId === running)).toMatchObject({ status: 'running', progress: { done: 1, total: 4, phase: 'collect' } });

    server.bus.emit(bob.userId, bobs, { type: 'progress', done: 9, total: 9, phase: 'bob' });
    server.bus.emit(alice.userId, queued, { type: 'status', status: 'running' });
    server.bus.emit(bob.userId, bobs, { type: 'status', status: 'completed' });
    server.bus.emit(alice.userId, running, { type: 'status', status: 'failed', error: 'Access denied' });
    server.bus.emit(alice.userId, queued, { type: 'progress', done: 1, total: 2, phase: 'collect' });
    const received = [await client.nextEvent(), await client.nextEvent(), await client.nextEvent()];
    expect(received.map((m) => [m.event, json(m)])).toEqual([
      ['status', { scanId: queued, status: 'running' }],
      ['status', { scanId: running, status: 'failed', error: 'Access denied' }],
      ['progress', { scanId: queued, done: 1, total: 2, phase: 'collect' }],
    ]);
    // A terminal status does not end the user's stream.
    server.bus.emit(alice.userId, queued, { type: 'status', status: 'completed' });
    expect(json(await client.nextEvent())).toEqual({ scanId: queued, status: 'completed' });
    expect(client.ended).toBe(false);
    // Bob's stream heard his own events and never Alice's.
    const bobsClient = await connect('/api/events', bob);
    expect((json(await bobsClient.nextEvent()) as { scans: ScanLiveState[] }).scans.map((s) => s.scanId)).toEqual([bobs]);
    server.bus.emit(alice.userId, running, { type: 'progress', done: 2, total: 4, phase: 'alice' });
    server.bus.emit(bob.userId, bobs, { type: 'progress', done: 1, total: 9, phase: 'bob' });
    expect(json(await bobsClient.nextEvent())).toMatchObject({ scanId: bobs, phase: 'bob' });
  });

  it('shares one bus subscription per user and removes it when the last stream goes (after the resume window)', async () => {
    const carol = await signUp(server.app, 'carol-stream@example.com');
    const before = server.bus.subscriptions;
    const a = await connect('/api/events', carol);
    const b = await connect('/api/events', carol);
    await a.nextEvent();
    await b.nextEvent();
    expect(server.bus.subscriptions).toBe(before + 1);
    a.close();
    b.close();
    // Kept briefly so a reconnecting browser is replayed what it missed; then gone.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.bus.subscriptions).toBe(before + 1);
    await until(() => server.bus.subscriptions === before);
  });

  it('drops the subscription at once without a resume window, and ends streams when the app closes', async () => {
    const quick = await startLiveServer(database.db, { heartbeatMs: 40, resumeWindowMs: 0 });
    let closed = false;
    try {
      const client = await connect('/api/events', alice, quick.base);
      await client.nextEvent();
      expect(quick.bus.subscriptions).toBe(1);
      // Heartbeats keep proxies from closing the idle stream.
      expect(await client.next()).toMatchObject({ comment: 'ping' });
      expect(await client.next()).toMatchObject({ comment: 'ping' });
      client.close();
      await until(() => quick.bus.subscriptions === 0);
      const lingering = await connect('/api/events', alice, quick.base);
      await lingering.nextEvent();
      await quick.app.close();
      closed = true;
      await lingering.untilEnded();
      expect(quick.bus.subscriptions).toBe(0);
    } finally {
      if (!closed) await quick.app.close();
    }
  });

  it('answers 429 past the streams one user may hold open, and frees the slot when one closes', async () => {
    const capped = await startLiveServer(database.db, { heartbeatMs: 60_000, resumeWindowMs: 0, maxStreamsPerUser: 2 });
    try {
      const first = await connect('/api/events', alice, capped.base);
      const scanId = await scanOf(database.db, alice.userId, { status: 'running' });
      const second = await connect(`/api/scans/${scanId}/events`, alice, capped.base);
      await Promise.all([first.nextEvent(), second.nextEvent()]);
      const third = await connect('/api/events', alice, capped.base);
      await third.untilEnded();
      expect(third.status).toBe(429);
      expect(JSON.parse(third.body).error.message).toMatch(/At most 2 live streams/);
      // Another user has slots of their own.
      const bobs = await connect('/api/events', bob, capped.base);
      expect(bobs.status).toBe(200);
      // The slot frees when the server sees the socket close, a moment after the client's.
      first.close();
      let status = 0;
      for (let attempt = 0; attempt < 100 && status !== 200; attempt++) {
        const retry = await connect('/api/events', alice, capped.base);
        status = retry.status;
        if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(status).toBe(200);
    } finally {
      await capped.app.close();
    }
  });
});

describe('catch-up filtering against the snapshot', () => {
  const state: ScanLiveState = {
    scanId: 's', status: 'running', progress: { done: 5, total: 10, phase: 'collect' }, counts: { pass: 2, fail: 1, unknown: 0 }, error: null, updatedAt: '',
  };

  it('drops what the snapshot already says or has passed, and keeps what is newer', () => {
    expect(isStale({ type: 'status', status: 'running' }, state)).toBe(true);
    expect(isStale({ type: 'status', status: 'completed' }, state)).toBe(false);
    expect(isStale({ type: 'progress', done: 4, total: 10, phase: 'collect' }, state)).toBe(true);
    expect(isStale({ type: 'progress', done: 5, total: 10, phase: 'collect' }, state)).toBe(true);
    expect(isStale({ type: 'progress', done: 5, total: 10, phase: 'summarize' }, state)).toBe(false);
    expect(isStale({ type: 'progress', done: 6, total: 10, phase: 'collect' }, state)).toBe(false);
    expect(isStale({ type: 'counts', pass: 2, fail: 1, unknown: 0 }, state)).toBe(true);
    expect(isStale({ type: 'counts', pass: 1, fail: 1, unknown: 0 }, state)).toBe(true);
    expect(isStale({ type: 'counts', pass: 2, fail: 2, unknown: 0 }, state)).toBe(false);
    expect(isStale({ type: 'progress', done: 0, total: 1, phase: 'x' }, undefined)).toBe(false);
  });
});
