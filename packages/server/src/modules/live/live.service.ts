import { TERMINAL_SCAN_STATUSES, type ScanLiveState } from '@cloudsweep/contract';
import type { ScanEvent, ScanEventPayload } from '../../events/scan-events.js';
import type { LiveHub, SequencedEvent } from './live-hub.js';
import type { SseConnection } from './sse-connection.js';

export interface StreamSpec {
  readonly userId: string;
  /** Only this scan's events (and `end` at its terminal status); every scan of the user when absent. */
  readonly scanId?: string;
  readonly lastEventId: string | undefined;
  /** The database's view, read after subscribing so that no event falls between the two. */
  loadSnapshot(): Promise<{ data: unknown; states: readonly ScanLiveState[] }>;
}

function isTerminal(status: ScanLiveState['status']): boolean {
  return TERMINAL_SCAN_STATUSES.includes(status);
}

/**
 * Whether an event that arrived before or during the snapshot read says nothing the snapshot
 * does not: equal, or older (progress persisted at most once a second trails the bus, but an
 * event published before the read can still be behind a row written just before it).
 */
export function isStale(payload: ScanEventPayload, state: ScanLiveState | undefined): boolean {
  if (!state) return false;
  switch (payload.type) {
    case 'status':
      return payload.status === state.status;
    case 'progress': {
      const p = state.progress;
      return payload.done < p.done || (payload.done === p.done && payload.total === p.total && payload.phase === p.phase);
    }
    case 'counts': {
      const c = state.counts;
      const same = payload.pass === c.pass && payload.fail === c.fail && payload.unknown === c.unknown;
      return same || payload.pass + payload.fail + payload.unknown < c.pass + c.fail + c.unknown;
    }
  }
}

function dataOf(event: ScanEvent): Record<string, unknown> {
  const { type: _type, ...fields } = event.payload;
  return { scanId: event.scanId, ...fields };
}

/**
 * Runs one stream: subscribe, send the database snapshot, catch up (events this process holds
 * after Last-Event-ID, and those that arrived during the read, minus what the snapshot already
 * says), then relay live events until the client leaves or the scan ends.
 */
export async function runStream(hub: LiveHub, connection: SseConnection, spec: StreamSpec): Promise<void> {
  const pending: SequencedEvent[] = [];
  let live = false;
  const relay = (e: SequencedEvent): void => {
    connection.send(e.event.payload.type, dataOf(e.event), hub.idOf(e.seq));
    if (spec.scanId !== undefined && e.event.payload.type === 'status' && isTerminal(e.event.payload.status)) {
      connection.send('end', { scanId: spec.scanId, status: e.event.payload.status });
      connection.end();
    }
  };
  const ours = (e: SequencedEvent): boolean => spec.scanId === undefined || e.event.scanId === spec.scanId;
  const subscription = hub.open(spec.userId, (e) => {
    if (!ours(e) || connection.closed) return;
    if (live) relay(e);
    else pending.push(e);
  });
  const heartbeat = setInterval(() => connection.comment('ping'), hub.options.heartbeatMs);
  heartbeat.unref();
  connection.onClose(() => {
    clearInterval(heartbeat);
    subscription.close();
  });
  const snapshot = await spec.loadSnapshot();
  if (connection.closed) return;
  connection.send('snapshot', snapshot.data);
  const only = snapshot.states.length === 1 ? snapshot.states[0] : undefined;
  if (spec.scanId !== undefined && only && isTerminal(only.status)) {
    connection.send('end', { scanId: only.scanId, status: only.status });
    return connection.end();
  }
  const byScan = new Map(snapshot.states.map((s) => [s.scanId, s]));
  const missed = (hub.missedSince(spec.userId, spec.lastEventId, subscription.mark) ?? []).filter(ours);
  for (const e of [...missed, ...pending]) {
    if (!isStale(e.event.payload, byScan.get(e.event.scanId)) && !connection.closed) relay(e);
  }
  live = true;
}
