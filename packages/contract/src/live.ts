import { z } from 'zod';
import { ScanStatusSchema, type ScanStatus } from './scans.js';

/*
 * Server-sent events (text/event-stream). Every message's `data:` is one JSON object below.
 *
 * GET /api/scans/:id/events — one scan:
 *   event: snapshot  ScanLiveState from the database (first, on every connect and reconnect; no id)
 *   event: status | progress | counts  (each with an `id:`), then on a terminal status:
 *   event: end       the server closes the stream; call EventSource.close() or it reconnects.
 * GET /api/events — every scan of the signed-in user:
 *   event: snapshot  UserLiveSnapshot (the active scans), then status | progress | counts of any scan.
 * `: ping` comments keep proxies from closing an idle stream.
 *
 * Event ids are `<boot>-<seq>`: a per-process boot id and a process-wide sequence. On reconnect
 * (Last-Event-ID) the same process replays the events of the user it still holds after that id;
 * a different process (or an id it no longer holds) answers with the snapshot alone, which the
 * client treats as the truth and replaces its state with.
 */
/** A scan stops changing in these: the per-scan stream sends `end` and closes. */
export const TERMINAL_SCAN_STATUSES: readonly ScanStatus[] = ['completed', 'failed', 'cancelled'];

export const LiveProgressSchema = z.object({ done: z.number().int(), total: z.number().int(), phase: z.string() });
export const LiveCountsSchema = z.object({ pass: z.number().int(), fail: z.number().int(), unknown: z.number().int() });
export type LiveCounts = z.infer<typeof LiveCountsSchema>;

export const ScanLiveStateSchema = z.object({
  scanId: z.string(),
  status: ScanStatusSchema,
  progress: LiveProgressSchema,
  /** Findings stored so far, by status. */
  counts: LiveCountsSchema,
  /** The message for people of a failed scan. */
  error: z.string().nullable(),
  updatedAt: z.string(),
});
export type ScanLiveState = z.infer<typeof ScanLiveStateSchema>;

export const UserLiveSnapshotSchema = z.object({ scans: z.array(ScanLiveStateSchema) });
export type UserLiveSnapshot = z.infer<typeof UserLiveSnapshotSchema>;

export const LiveStatusEventSchema = z.object({ scanId: z.string(), status: ScanStatusSchema, error: z.string().optional() });
export const LiveProgressEventSchema = LiveProgressSchema.extend({ scanId: z.string() });
export const LiveCountsEventSchema = LiveCountsSchema.extend({ scanId: z.string() });
export const LiveEndEventSchema = z.object({ scanId: z.string(), status: ScanStatusSchema });
export type LiveStatusEvent = z.infer<typeof LiveStatusEventSchema>;
export type LiveProgressEvent = z.infer<typeof LiveProgressEventSchema>;
export type LiveCountsEvent = z.infer<typeof LiveCountsEventSchema>;
export type LiveEndEvent = z.infer<typeof LiveEndEventSchema>;

export const LIVE_EVENT_NAMES = ['snapshot', 'status', 'progress', 'counts', 'end'] as const;
export type LiveEventName = (typeof LIVE_EVENT_NAMES)[number];

