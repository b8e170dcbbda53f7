import { SessionResponseSchema } from '@cloudsweep/contract';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error.js';
import { request, setCsrfToken, withQuery } from './client.js';

function answer(status: number, body: unknown, headers: Record<string, string> = {}): void {
  vi.stubGlobal('fetch', vi.fn(async () => new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } })));
}

const sentHeaders = (): Record<string, string> => (vi.mocked(fetch).mock.calls[0]?.[1]?.headers ?? {}) as Record<string, string>;

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(undefined);
});

describe('the API client', () => {
  it('sends the CSRF token on mutating requests only, and JSON bodies', async () => {
    setCsrfToken('tok');
    answer(204, undefined);
    await request('/api/auth/logout', { method: 'POST', body: { a: 1 } });
    expect(sentHeaders()).toMatchObject({ 'x-csrf-token': 'tok', 'content-type': 'application/json' });
    answer(200, { user: { id: 'u', email: 'a@b.c' }, csrfToken: 't' });
    await request('/api/auth/me', { schema: SessionResponseSchema });
    expect(sentHeaders()['x-csrf-token']).toBeUndefined();
  });

  it('turns the error shape into an ApiError with Retry-After', async () => {
    answer(429, { error: { code: 'rate_limited', message: 'Too many sign-in attempts; try again in 30 seconds', details: { retryAfterSeconds: 30 }, requestId: 'r1' } }, { 'retry-after': '30' });
    const error = await request('/api/auth/login', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'rate_limited', status: 429, retryAfterSeconds: 30, requestId: 'r1' });
  });

  it('never passes on a body it does not understand', async () => {
    answer(500, { stack: 'Error: boom\n    at server.ts:1' });
    const failed = await request('/api/x').catch((e: unknown) => e);
    expect(failed).toMatchObject({ code: 'unavailable' });
    expect((failed as ApiError).message).not.toContain('boom');
    answer(200, { user: 'not an object' });
    await expect(request('/api/auth/me', { schema: SessionResponseSchema })).rejects.toMatchObject({ code: 'invalid_response' });
  });

  it('joins list parameters and drops empty ones', () => {
    expect(withQuery('/f', { severity: ['high', 'critical'], q: '', cursor: undefined, limit: 50 })).toBe('/f?severity=high%2Ccritical&limit=50');
  });
});
