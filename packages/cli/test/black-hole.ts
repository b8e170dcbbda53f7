import { createServer, type Server, type Socket } from 'node:net';
import { Writable } from 'node:stream';

/** A stdout/stderr stand-in for in-process runs; `onWrite` lets a test act on the first output. */
export function collector(onWrite: () => void = () => {}): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      chunks.push(String(chunk));
      onWrite();
      callback();
    },
  });
  return { stream, text: () => chunks.join('') };
}

/** Accepts connections and never answers: a scan against it waits until interrupted. */
export async function blackHole(): Promise<{ server: Server; url: string; connected: Promise<void> }> {
  const sockets: Socket[] = [];
  let connected!: () => void;
  const connectedOnce = new Promise<void>((r) => (connected = r));
  const server = createServer((socket) => {
    sockets.push(socket);
    connected();
  });
  server.on('close', () => sockets.forEach((s) => s.destroy()));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('no address');
  return { server, url: `http://127.0.0.1:${address.port}`, connected: connectedOnce };
}
