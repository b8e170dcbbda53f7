// Bad input on every route that reads a body: each answers a 4xx in our shape, never a 5xx or a
// stack trace, and the canary secret key in those bodies is never echoed or logged.
import { startMoto, type RunningMoto } from '@cloudsweep/aws-sim/moto';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOurError, routeKey, type SweptRoute } from './api-sweep-kit.js';
import { CANARY, fillId, headersOf, sweepFixture, type SweepFixture } from './api-sweep-fixture.js';
import { DATABASE_KINDS } from './test-databases.js';

/** Every field name any body of the API has, each given a value of the wrong type. */
const WRONG_TYPES = {
  email: [CANARY], password: { value: CANARY }, name: 42, mode: ['keys'], roleArn: 7, externalId: false,
  accessKeyId: 1, secretAccessKey: [CANARY], sessionToken: 3, regions: 7, checks: 'all', force: 'yes',
};

const OVER_64_KIB = JSON.stringify({ name: 'x'.repeat(70 * 1024), secretAccessKey: CANARY });

/** Bodies every mutating route must refuse, with the status and code it must answer. */
const REFUSED: ReadonlyArray<{ what: string; status: number; code: string; contentType?: string; payload: string }> = [
  { what: 'malformed JSON', status: 400, code: 'bad_request', payload: `{"secretAccessKey":"${CANARY}",` },
  { what: 'empty JSON', status: 400, code: 'bad_request', payload: '' },
  { what: 'a prototype key', status: 400, code: 'bad_request', payload: `{"__proto__":{"admin":true},"secretAccessKey":"${CANARY}"}` },
  { what: 'over 64 KiB', status: 413, code: 'payload_too_large', payload: OVER_64_KIB },
  { what: 'text/plain', status: 415, code: 'unsupported_media_type', contentType: 'text/plain', payload: `{"secretAccessKey":"${CANARY}"}` },
  { what: 'a form', status: 415, code: 'unsupported_media_type', contentType: 'application/x-www-form-urlencoded', payload: `secretAccessKey=${CANARY}` },
  { what: 'XML', status: 415, code: 'unsupported_media_type', contentType: 'application/xml', payload: `<a>${CANARY}</a>` },
  { what: 'multipart', status: 415, code: 'unsupported_media_type', contentType: 'multipart/form-data; boundary=b', payload: '--b--' },
];

/** Bodies of the right media type but the wrong shape: refused by the route's schema. */
const INVALID: ReadonlyArray<{ what: string; payload: string }> = [
  { what: 'an array', payload: JSON.stringify([{ secretAccessKey: CANARY }]) },
  { what: 'a string', payload: JSON.stringify(CANARY) },
  { what: 'a number', payload: '42' },
  { what: 'wrong types', payload: JSON.stringify(WRONG_TYPES) },
  { what: 'an unknown field', payload: JSON.stringify({ canaryField: CANARY }) },
];

let moto: RunningMoto;

beforeAll(async () => {
  moto = await startMoto();
});

afterAll(async () => {
  await moto?.stop();
});

describe.each(DATABASE_KINDS)('bad input on every route on %s', (kind) => {
  let f: SweepFixture;
  const mutating = (): SweptRoute[] => f.routes.filter((r) => r.method !== 'GET');

  beforeAll(async () => {
    f = await sweepFixture(kind, moto);
  });

  afterAll(async () => {
    await f?.close();
  });

  /** A's session on A's own ids (or unknown ones, so a request let through cannot change anything that matters). */
  function request(route: SweptRoute, payload: string, contentType = 'application/json'): InjectOptions {
    const ids = { account: crypto.randomUUID(), scan: crypto.randomUUID() };
    const headers = { ...headersOf(f.a, false), 'content-type': contentType };
    return { method: route.method as 'POST', url: fillId(route.url, ids), headers, payload };
  }

  it('has mutating routes to sweep, each with a body schema', () => {
    expect(mutating().length).toBeGreaterThan(8);
    for (const route of mutating()) expect(route.hasBody, `${routeKey(route)} has no body schema, so it accepts any body`).toBe(true);
  });

  it('refuses malformed, oversized and non-JSON bodies before any work', async () => {
    for (const route of mutating()) {
      for (const bad of REFUSED) {
        const response = await f.call(request(route, bad.payload, bad.contentType));
        expect(response.statusCode, `${routeKey(route)} with ${bad.what}: ${response.body}`).toBe(bad.status);
        expectOurError(response, bad.status, bad.code);
      }
    }
  });

  it('refuses arrays, wrong types and unknown fields with validation_failed', async () => {
    for (const route of mutating()) {
      for (const bad of INVALID) {
        const response = await f.call(request(route, bad.payload));
        expect(response.statusCode, `${routeKey(route)} with ${bad.what}: ${response.body}`).toBe(400);
        expectOurError(response, 400, 'validation_failed');
      }
    }
  });

  it('refuses a wrong query on every GET route that reads one, and ignores nothing silently', async () => {
    for (const route of f.routes.filter((r) => r.method === 'GET' && r.hasQuery)) {
      const url = fillId(route.url, { account: f.account.id, scan: f.scanId });
      const response = await f.call({ method: 'GET', url: `${url}?unknownParam=1`, headers: headersOf(f.a, false) });
      expectOurError(response, 400, 'validation_failed');
    }
  });

  it('is still signed in and unchanged after the sweep', async () => {
    const me = await f.call({ method: 'GET', url: '/api/auth/me', headers: headersOf(f.a, false) });
    expect(me.statusCode).toBe(200);
    const accounts = await f.call({ method: 'GET', url: '/api/accounts', headers: headersOf(f.a, false) });
    expect(accounts.json<{ accounts: unknown[] }>().accounts).toHaveLength(1);
  });

  it('never puts the canary secret key in a response or a log line', () => {
    expect(f.responses.length).toBeGreaterThan(100);
    expect(f.lines.length).toBeGreaterThan(100);
    for (const response of f.responses) {
      expect(response.body).not.toContain(CANARY);
      expect(JSON.stringify(response.headers)).not.toContain(CANARY);
    }
    for (const line of f.lines) expect(line).not.toContain(CANARY);
  });
});
