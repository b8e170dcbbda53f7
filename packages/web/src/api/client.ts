import { ErrorResponseSchema } from '@cloudsweep/contract';
import type { z } from 'zod';
import { ApiError } from './api-error.js';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

// The session's CSRF token: set from every session answer, echoed on every mutating request.
let csrfToken: string | undefined;

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

export type Query = Readonly<Record<string, string | number | boolean | readonly string[] | undefined>>;

export interface RequestOptions<S extends z.ZodType | undefined> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  body?: unknown;
  /** Parses a 2xx body; leave out for 204 answers. */
  schema?: S;
  signal?: AbortSignal;
}

export function withQuery(path: string, query: Query | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(key, value.join(','));
    } else params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** One JSON request: credentials, CSRF, and the answer parsed with the contract's schema. */
export async function request<S extends z.ZodType | undefined = undefined>(
  path: string,
  options: RequestOptions<S> = {},
): Promise<S extends z.ZodType ? z.infer<S> : undefined> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (MUTATING.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError('network_error', 'Cloudsweep could not be reached; check your connection and try again.', 0);
  }
  if (!response.ok) throw await toApiError(response);
  if (!options.schema || response.status === 204) return undefined as never;
  const parsed = options.schema.safeParse(await readJson(response));
  if (!parsed.success) {
    const paths = parsed.error.issues.slice(0, 5).map((i) => i.path.join('.') || '(root)');
    throw new ApiError('invalid_response', 'The server sent an answer this page does not understand; reload the page.', response.status, {
      fields: paths,
    });
  }
  return parsed.data as never;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

function retryAfterOf(response: Response, details: Record<string, unknown>): number | undefined {
  const header = Number(response.headers.get('retry-after'));
  if (Number.isFinite(header) && header > 0) return header;
  const fromDetails = details['retryAfterSeconds'];
  return typeof fromDetails === 'number' ? fromDetails : undefined;
}

async function toApiError(response: Response): Promise<ApiError> {
  const parsed = ErrorResponseSchema.safeParse(await readJson(response));
  if (!parsed.success) {
    // A proxy's HTML page or an empty body: say what happened without showing it.
    const code = response.status >= 500 ? 'unavailable' : 'invalid_response';
    return new ApiError(code, `The server answered ${response.status} ${response.statusText || ''}`.trim() + '; try again shortly.', response.status);
  }
  const { code, message, details = {}, requestId } = parsed.data.error;
  return new ApiError(code, message, response.status, details, requestId, retryAfterOf(response, details));
}
