import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { streamWriter, type TextWriter } from '../format/sink.js';

export interface AtomicFile {
  readonly writer: TextWriter;
  /** Closes the temp file and renames it over the target: readers never see half a report. */
  commit(): Promise<void>;
  /** Removes the temp file; the target, if it existed, is left as it was. */
  discard(): Promise<void>;
}

/**
 * The temp file sits beside the target because rename is only atomic within one file system.
 * Opening it fails early (missing directory, no permission) before any AWS call is made.
 */
export async function openAtomicFile(path: string): Promise<AtomicFile> {
  const target = resolve(path);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const stream = createWriteStream(temp, { flags: 'wx' });
  await new Promise<void>((resolveOpen, reject) => {
    stream.once('open', () => resolveOpen());
    stream.once('error', reject);
  });
  return {
    writer: streamWriter(stream),
    commit: async () => {
      stream.end();
      await finished(stream);
      await rename(temp, target);
    },
    discard: async () => {
      stream.destroy();
      await rm(temp, { force: true });
    },
  };
}
