import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** The embedded default's key, beside the SQLite file; back it up with the database. */
export const MASTER_KEY_FILE = 'master.key';

/** A fatal start-up problem with the master key; the message says what to do. */
export class MasterKeyError extends Error {
  override readonly name = 'MasterKeyError';
}

function hasErrorCode(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}

// Windows has no POSIX mode bits (fstat always reports 0o666), so the check would refuse every file.
function assertPrivate(path: string, mode: number): void {
  if (process.platform === 'win32' || (mode & 0o077) === 0) return;
  const shown = (mode & 0o777).toString(8).padStart(4, '0');
  throw new MasterKeyError(
    `The master key file ${path} can be read or written by other users (mode ${shown}). ` +
      `Restrict it with \`chmod 600 ${path}\` and start again.`,
  );
}

/** The file's text, or undefined when there is no file yet. Never creates or repairs anything. */
function readKeyFile(path: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    if (hasErrorCode(error, 'ENOENT')) return undefined;
    throw new MasterKeyError(`Cannot open the master key file ${path}`, { cause: error });
  }
  try {
    // fstat on the open descriptor: the mode checked is the mode of the file actually read.
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new MasterKeyError(`The master key path ${path} is not a regular file`);
    assertPrivate(path, stat.mode);
    return readFileSync(fd, 'utf8').trim();
  } finally {
    closeSync(fd);
  }
}

function syncDirectory(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some platforms (Windows) cannot open a directory; the file itself is already synced.
  }
}

/**
 * Writes a fresh key to a private temp file, then publishes it with link(2), which fails if the
 * name exists — unlike rename, which would silently replace a key another process created a
 * moment earlier (two servers starting at once on one data folder) and may already have used.
 * The key file therefore only ever appears complete, with mode 0600 from its first byte.
 */
function createKeyFile(dataDir: string, path: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const temp = join(dataDir, `.${MASTER_KEY_FILE}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, `${randomBytes(32).toString('base64')}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temp, path);
  } catch (error) {
    if (!hasErrorCode(error, 'EEXIST')) {
      throw new MasterKeyError(`Cannot create the master key file ${path}`, { cause: error });
    }
  } finally {
    unlinkSync(temp);
  }
  syncDirectory(dataDir);
}

/**
 * The embedded default's master key (base64 text): read from `<dataDir>/master.key`, generated
 * there on first start. An existing file is never replaced, even when unreadable or malformed:
 * replacing it would make every stored secret undecryptable.
 */
export function readOrCreateMasterKeyFile(dataDir: string): { readonly encoded: string; readonly path: string } {
  const path = join(dataDir, MASTER_KEY_FILE);
  const existing = readKeyFile(path);
  if (existing !== undefined) return { encoded: existing, path };
  createKeyFile(dataDir, path);
  // Read back what is on disk: if another process won the race, its key is the one to use.
  const created = readKeyFile(path);
  if (created === undefined) throw new MasterKeyError(`The master key file ${path} vanished right after it was created`);
  return { encoded: created, path };
}
