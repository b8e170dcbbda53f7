import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** Read at run time: JSON imports would need a compiler flag the whole repo does not use. */
export function cliVersion(): string {
  const raw: unknown = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  return z.object({ version: z.string() }).parse(raw).version;
}
