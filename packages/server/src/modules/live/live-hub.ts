import { randomBytes } from 'node:crypto';
import type { ScanEvent, ScanEventBus } from '../../events/scan-events.js';

export interface LiveOptions {
  /** Interval of the `: ping` comment that keeps proxies from closing an idle stream. */
  readonly heartbeatMs: number;
  /**
   * How long a user's bus subscription outlives their last stream, so that a browser that
   * reconnects (EventSource retries after ~3 s) is replayed the events it missed meanwhile.
   */
  readonly resumeWindowMs: number;
  /** Events kept per user for those replays. */
  readonly replayBufferSize: number;
  /**
   * Streams one user may hold open at once (each holds a socket and a bus listener): a script or
   * runaway tab opening more is answered 429 instead of exhausting the server. A dashboard tab
   * holds one or two.
   */
  readonly maxStreamsPerUser: number;
}

export const DEFAULT_LIVE_OPTIONS: LiveOptions = { heartbeatMs: 15_000, resumeWindowMs: 30_000, replayBufferSize: 256, maxStreamsPerUser: 16 };

export interface SequencedEvent {
  readonly seq: number;
  readonly event: ScanEvent;
}

type Listener = (event: SequencedEvent) => void;

interface UserChannel {
  unsubscribe: () => void;
  readonly listeners: Set<Listener>;
  readonly buffer: SequencedEvent[];
  /** Every event of this user with a larger seq is in `buffer` (until evicted). */
  coveredAfter: number;
  linger: NodeJS.Timeout | undefined;
}

/**
 * One bus subscription per user however many streams they have open, and the event ids.
 * An id is `<boot>-<seq>`: `seq` grows across the whole process, so a stream's ids only ever
 * increase, and `boot` (random per process start) tells a reconnect whether its Last-Event-ID
 * came from this very process — the only case where we know exactly which events it has seen.
 */
export class LiveHub {
  readonly bootId = randomBytes(6).toString('base64url');
  readonly #channels = new Map<string, UserChannel>();
  #seq = 0;

  constructor(
    private readonly bus: ScanEventBus,
    readonly options: LiveOptions,
  ) {}

  idOf(seq: number): string {
    return `${this.bootId}-${seq}`;
  }

  /** Subscribes a stream to the user's events; every event delivered has a seq above `mark`. */
  open(userId: string, listener: Listener): { mark: number; close: () => void } {
    const channel = this.#channels.get(userId) ?? this.#subscribe(userId);
    clearTimeout(channel.linger);
    channel.linger = undefined;
    channel.listeners.add(listener);
    return { mark: this.#seq, close: () => this.#leave(userId, channel, listener) };
  }

  /**
   * The user's events after `lastEventId` up to `mark`, when this process holds all of them;
   * undefined when it cannot tell (another process's id, a restart, or evicted events).
   */
  missedSince(userId: string, lastEventId: string | undefined, mark: number): SequencedEvent[] | undefined {
    const match = /^([A-Za-z0-9_-]{8})-(\d{1,15})$/.exec(lastEventId ?? '');
    if (!match || match[1] !== this.bootId) return undefined;
    const lastSeq = Number(match[2]);
    const channel = this.#channels.get(userId);
    if (!channel || lastSeq < channel.coveredAfter || lastSeq > mark) return undefined;
    return channel.buffer.filter((e) => e.seq > lastSeq && e.seq <= mark);
  }

  /** Open bus subscriptions (one per user with a stream or inside the resume window). */
  get subscribedUsers(): number {
    return this.#channels.size;
  }

  close(): void {
    for (const [userId, channel] of this.#channels) this.#drop(userId, channel);
  }

  #subscribe(userId: string): UserChannel {
    const channel: UserChannel = { unsubscribe: () => {}, listeners: new Set(), buffer: [], coveredAfter: this.#seq, linger: undefined };
    channel.unsubscribe = this.bus.subscribe(userId, (event) => this.#deliver(channel, event));
    this.#channels.set(userId, channel);
    return channel;
  }

  #deliver(channel: UserChannel, event: ScanEvent): void {
    const sequenced = { seq: ++this.#seq, event };
    channel.buffer.push(sequenced);
    if (channel.buffer.length > this.options.replayBufferSize) {
      const evicted = channel.buffer.shift();
      if (evicted) channel.coveredAfter = evicted.seq;
    }
    for (const listener of channel.listeners) listener(sequenced);
  }

  #leave(userId: string, channel: UserChannel, listener: Listener): void {
    channel.listeners.delete(listener);
    if (channel.listeners.size > 0 || this.#channels.get(userId) !== channel) return;
    if (this.options.resumeWindowMs <= 0) return this.#drop(userId, channel);
    channel.linger = setTimeout(() => this.#drop(userId, channel), this.options.resumeWindowMs);
    channel.linger.unref();
  }

  #drop(userId: string, channel: UserChannel): void {
    clearTimeout(channel.linger);
    channel.unsubscribe();
    this.#channels.delete(userId);
  }
}
