// A real HTTP client for text/event-stream (node:http), as a browser's EventSource reads it:
// blocks separated by a blank line, `field: value` lines, `:` comments. Used by the live tests
// and by bench/sse-latency.ts.
import { request, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';

export interface SseMessage {
  readonly event?: string;
  readonly id?: string;
  readonly data?: string;
  readonly comment?: string;
  /** performance.now() when the block was parsed. */
  readonly at: number;
}

function parseBlock(block: string): SseMessage | undefined {
  const fields: { event?: string; id?: string; data?: string; comment?: string } = {};
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) fields.comment = line.slice(1).trim();
    const match = /^(event|id|data): ?(.*)$/.exec(line);
    if (match?.[1] === 'data') fields.data = fields.data === undefined ? match[2] : `${fields.data}\n${match[2]}`;
    else if (match?.[1] === 'event' || match?.[1] === 'id') fields[match[1]] = match[2];
  }
  const meaningful = fields.data !== undefined || fields.comment !== undefined || fields.event !== undefined;
  return meaningful ? { ...fields, at: performance.now() } : undefined;
}

export class SseClient {
  readonly #queue: SseMessage[] = [];
  #waiter: (() => void) | undefined;
  #buffer = '';
  #ended = false;
  /** The body of a non-stream answer (an error), once it has ended. */
  body = '';

  private constructor(
    readonly status: number,
    readonly headers: IncomingHttpHeaders,
    private readonly response: IncomingMessage,
  ) {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => this.#receive(chunk));
    response.on('end', () => this.#finish());
    response.on('close', () => this.#finish());
  }

  static open(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
    return new Promise((resolve, reject) => {
      const req = request(url, { headers: { accept: 'text/event-stream', ...headers } }, (res) => resolve(new SseClient(res.statusCode ?? 0, res.headers, res)));
      req.on('error', reject);
      req.end();
    });
  }

  get ended(): boolean {
    return this.#ended && this.#queue.length === 0;
  }

  /** The next message (comments included); rejects after `timeoutMs` or if the stream ended. */
  async next(timeoutMs = 3000): Promise<SseMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const message = this.#queue.shift();
      if (message) return message;
      if (this.#ended) throw new Error('the stream ended');
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no message within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#waiter = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  /** The next message that is not a comment. */
  async nextEvent(timeoutMs = 3000): Promise<SseMessage> {
    for (;;) {
      const message = await this.next(timeoutMs);
      if (message.comment === undefined) return message;
    }
  }

  /** Resolves when the server has ended the stream. */
  async untilEnded(timeoutMs = 3000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.#ended) {
      if (Date.now() > deadline) throw new Error(`the stream did not end within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  close(): void {
    this.response.destroy();
  }

  #receive(chunk: string): void {
    if (this.status !== 200) {
      this.body += chunk;
      return;
    }
    this.#buffer += chunk;
    let end: number;
    while ((end = this.#buffer.indexOf('\n\n')) >= 0) {
      const message = parseBlock(this.#buffer.slice(0, end));
      this.#buffer = this.#buffer.slice(end + 2);
      if (message) this.#queue.push(message);
    }
    this.#wake();
  }

  #finish(): void {
    this.#ended = true;
    this.#wake();
  }

  #wake(): void {
    const waiter = this.#waiter;
    this.#waiter = undefined;
    waiter?.();
  }
}
