import type { FastifyReply } from 'fastify';

/** A client this far behind is not reading: drop it rather than buffer without bound. */
const MAX_BUFFERED_BYTES = 1024 * 1024;
/** EventSource's reconnect delay: well inside the hub's resume window. */
const RETRY_MS = 3000;

export interface SseConnection {
  readonly closed: boolean;
  send(event: string, data: unknown, id?: string): void;
  comment(text: string): void;
  end(): void;
  onClose(listener: () => void): void;
}

const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache',
  // nginx buffers responses by default, which would hold events back until the stream ends.
  'x-accel-buffering': 'no',
  connection: 'keep-alive',
} as const;

/**
 * Takes the response over from Fastify (no serializer, no onSend) and writes text/event-stream
 * on the raw socket. Headers already set on the reply (rate-limit, request id...) are kept.
 */
export function openSse(reply: FastifyReply): SseConnection {
  const res = reply.raw;
  const headers = { ...reply.getHeaders(), ...SSE_HEADERS };
  reply.hijack();
  res.writeHead(200, headers as Record<string, string>);
  res.write(`retry: ${RETRY_MS}\n\n`);
  let closed = false;
  const listeners: (() => void)[] = [];
  res.on('close', () => {
    closed = true;
    for (const listener of listeners.splice(0)) listener();
  });
  const write = (chunk: string): void => {
    if (closed) return;
    res.write(chunk);
    if (res.writableLength > MAX_BUFFERED_BYTES) res.destroy();
  };
  return {
    get closed() {
      return closed;
    },
    // JSON.stringify never emits a raw newline, so one `data:` line always holds the whole object.
    send: (event, data, id) => write(`${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`),
    comment: (text) => write(`: ${text}\n\n`),
    end: () => {
      if (closed) return;
      // Closed at once: nothing may be written after the end, even before the socket's close event.
      closed = true;
      res.end();
    },
    onClose: (listener) => {
      if (closed) listener();
      else listeners.push(listener);
    },
  };
}
