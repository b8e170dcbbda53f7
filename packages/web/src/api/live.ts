import {
  LiveCountsEventSchema, LiveEndEventSchema, LiveProgressEventSchema, LiveStatusEventSchema, ScanLiveStateSchema, type ScanLiveState,
} from '@cloudsweep/contract';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import { scanKeys } from './scans.js';

/** `live`: pushed over SSE; `polling`: the stream failed and the page asks every few seconds. */
export type LiveTransport = 'connecting' | 'live' | 'polling' | 'ended';

export interface ScanLive {
  state: ScanLiveState | undefined;
  transport: LiveTransport;
}

function parse<S extends z.ZodType>(schema: S, event: Event): z.infer<S> | undefined {
  if (!(event instanceof MessageEvent) || typeof event.data !== 'string') return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(event.data));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Follows one scan over `GET /api/scans/:id/events`. The snapshot replaces the state (it is the
 * truth after any reconnect); status, progress and counts patch it. On `end` the scan record is
 * refetched once (its error details, warnings and summary). When the stream errors we stop it
 * and fall back to polling, which the caller does with `useScan(id, interval)`.
 */
export function useScanLive(scanId: string, enabled: boolean): ScanLive {
  const client = useQueryClient();
  const [live, setLive] = useState<ScanLive>({ state: undefined, transport: enabled ? 'connecting' : 'ended' });

  useEffect(() => {
    if (!enabled) return;
    if (typeof EventSource === 'undefined') {
      setLive((l) => ({ ...l, transport: 'polling' }));
      return;
    }
    const source = new EventSource(`/api/scans/${encodeURIComponent(scanId)}/events`, { withCredentials: true });
    const patch = (update: (s: ScanLiveState) => ScanLiveState): void =>
      setLive((l) => ({ transport: 'live', state: l.state ? update(l.state) : l.state }));
    source.addEventListener('snapshot', (e) => {
      const state = parse(ScanLiveStateSchema, e);
      if (state) setLive({ transport: 'live', state });
    });
    source.addEventListener('status', (e) => {
      const event = parse(LiveStatusEventSchema, e);
      if (!event) return;
      patch((s) => ({ ...s, status: event.status, error: event.error ?? s.error }));
    });
    source.addEventListener('progress', (e) => {
      const event = parse(LiveProgressEventSchema, e);
      if (event) patch((s) => ({ ...s, progress: { done: event.done, total: event.total, phase: event.phase } }));
    });
    source.addEventListener('counts', (e) => {
      const event = parse(LiveCountsEventSchema, e);
      if (event) patch((s) => ({ ...s, counts: { pass: event.pass, fail: event.fail, unknown: event.unknown } }));
    });
    source.addEventListener('end', (e) => {
      // Closing here, or EventSource would reconnect to a stream that has nothing more to say.
      source.close();
      const event = parse(LiveEndEventSchema, e);
      setLive((l) => ({ transport: 'ended', state: l.state && event ? { ...l.state, status: event.status } : l.state }));
      // The one refresh when a scan ends: the server follows every terminal status (and a
      // terminal snapshot) with `end`, so refreshing on the status too would fetch twice.
      void client.invalidateQueries({ queryKey: scanKeys.one(scanId) });
    });
    source.onerror = () => {
      source.close();
      setLive((l) => (l.transport === 'ended' ? l : { ...l, transport: 'polling' }));
    };
    return () => source.close();
  }, [scanId, enabled, client]);

  return live;
}
