import { Writable } from 'node:stream';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { loggerOptions, type LoggerOptions } from '../src/logger.js';

export const PASSWORD = 'correct-horse-battery-staple';

export interface SignedInClient {
  userId: string;
  email: string;
  /** `cs_session=<token>` for the Cookie header. */
  cookie: string;
  csrfToken: string;
}

export function sessionCookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'cs_session');
  expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
  return `cs_session=${cookie?.value ?? ''}`;
}

export function clientOf(response: LightMyRequestResponse): SignedInClient {
  const body = response.json<{ user: { id: string; email: string }; csrfToken: string }>();
  return { userId: body.user.id, email: body.user.email, cookie: sessionCookieOf(response), csrfToken: body.csrfToken };
}

export function postJson(app: FastifyInstance, url: string, payload: unknown, extra: { remoteAddress?: string; headers?: Record<string, string> } = {}) {
  return app.inject({ method: 'POST', url, payload: payload as object, headers: { 'content-type': 'application/json', ...extra.headers }, remoteAddress: extra.remoteAddress });
}

export async function signUp(app: FastifyInstance, email: string, password = PASSWORD): Promise<SignedInClient> {
  const response = await postJson(app, '/api/auth/register', { email, password });
  expect(response.statusCode).toBe(201);
  return clientOf(response);
}

export function asUser(client: SignedInClient, withCsrf = true): Record<string, string> {
  return withCsrf ? { cookie: client.cookie, 'x-csrf-token': client.csrfToken } : { cookie: client.cookie };
}

/** A config for suites that sign in often from one address: the auth limit is tested on its own. */
export const RELAXED_LIMITS = { AUTH_RATE_LIMIT_PER_MINUTE: '1000', RATE_LIMIT_PER_MINUTE: '10000' } as const;

/** Trace-level logger options (redaction included) that keep every log line in `lines`. */
export function captureLogs(): { lines: string[]; logger: LoggerOptions } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, logger: { ...loggerOptions('trace'), stream } };
}
