import { EventEmitter } from 'node:events';

/** What the browser hears about a scan; the database stays the source of truth. */
export type ScanEventPayload =
  | { readonly type: 'status'; readonly status: 'queued' | 'running' | 'completed' | 'failed' | 'cancelled'; readonly error?: string }
  | { readonly type: 'progress'; readonly done: number; readonly total: number; readonly phase: string }
  | { readonly type: 'counts'; readonly pass: number; readonly fail: number; readonly unknown: number };

export interface ScanEvent {
  readonly userId: string;
  readonly scanId: string;
  readonly payload: ScanEventPayload;
}

/**
 * Port between whoever runs scans (the job handler) and whoever streams them (SSE routes).
 * In one process it is an EventEmitter; with workers in other processes the same port is
 * served by Redis pub/sub, so a subscriber never needs to know where the scan runs.
 */
export interface ScanEventBus {
  publish(event: ScanEvent): void;
  /** Every event of one user's scans; returns the unsubscribe function. */
  subscribe(userId: string, listener: (event: ScanEvent) => void): () => void;
}

export class InProcessScanEventBus implements ScanEventBus {
  readonly #emitter = new EventEmitter();

  constructor() {
    // One listener per open SSE stream; hundreds are expected, not a leak.
    this.#emitter.setMaxListeners(0);
  }

  publish(event: ScanEvent): void {
    this.#emitter.emit(event.userId, event);
  }

  subscribe(userId: string, listener: (event: ScanEvent) => void): () => void {
    this.#emitter.on(userId, listener);
    return () => this.#emitter.off(userId, listener);
  }
}
