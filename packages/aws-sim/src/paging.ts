import { SimError } from './protocols/types.js';

export interface Page<T> { items: T[]; nextToken?: string }

export interface PageOptions {
  /** Identifies the listing so a token from another listing is rejected. */
  scope: string;
  token: string | undefined;
  /** undefined = everything in one answer (what EC2 does without MaxResults). */
  limit: number | undefined;
  invalidTokenCode?: string;
  notePage(depth: number): void;
}

/** Opaque tokens carry the offset and the hop count, so stats can report the longest page chain. */
export function paginate<T>(items: readonly T[], options: PageOptions): Page<T> {
  const { offset, depth } = decodeToken(options);
  options.notePage(depth);
  const end = options.limit === undefined ? items.length : Math.min(items.length, offset + options.limit);
  const page = items.slice(offset, end);
  if (end >= items.length) return { items: page };
  return { items: page, nextToken: encodeToken(options.scope, end, depth + 1) };
}

function encodeToken(scope: string, offset: number, depth: number): string {
  return Buffer.from(JSON.stringify([scope, offset, depth])).toString('base64url');
}

function decodeToken(options: PageOptions): { offset: number; depth: number } {
  if (options.token === undefined || options.token === '') return { offset: 0, depth: 1 };
  try {
    const parsed: unknown = JSON.parse(Buffer.from(options.token, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed[0] === options.scope && typeof parsed[1] === 'number' && typeof parsed[2] === 'number') {
      return { offset: parsed[1], depth: parsed[2] };
    }
  } catch {
    // fall through: garbage tokens get the service's validation error
  }
  throw new SimError(options.invalidTokenCode ?? 'InvalidParameterValue', `Invalid pagination token: ${options.token}`, 400);
}

/** Page sizes outside a service's documented range are rejected, as AWS does. */
export function checkLimit(raw: string | number | undefined, min: number, max: number, code = 'InvalidParameterValue', name = 'MaxResults'): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const value = typeof raw === 'number' ? raw : Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new SimError(code, `Value ( ${String(raw)} ) for parameter ${name} is invalid. Expecting a value between ${min} and ${max}.`, 400);
  }
  return value;
}
