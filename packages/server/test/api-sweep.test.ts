// Route-wide sweeps over the app's own route list: another user's ids answer 404, signed-out calls
// 401, ids of any length an error in our shape, and a canary secret key is never echoed or logged.
import { startMoto, type RunningMoto } from '@cloudsweep/aws-sim/moto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newKeys } from './accounts-test-kit.js';
import { expectNoLeak, expectOurError, routeKey, type SweptRoute } from './api-sweep-kit.js';
import { CANARY, fillId, headersOf, sweepFixture, type SweepFixture } from './api-sweep-fixture.js';
import { DATABASE_KINDS } from './test-databases.js';

/** A valid body for each `:id` route that takes one, so only ownership can refuse B's call. */
const VALID_BODIES: Readonly<Record<string, object | null>> = {
  'POST /api/accounts/:id/credentials': { mode: 'keys', accessKeyId: newKeys().accessKeyId, secretAccessKey: CANARY },
  'POST /api/accounts/:id/scans': { regions: 'all' },
  'POST /api/scans/:id/cancel': null,
  'POST /api/scans/:id/retry': null,
  'DELETE /api/accounts/:id': null,
};

/** Everything else needs a session: a new public route must be added here on purpose. */
const PUBLIC_ROUTES = ['GET /api/health', 'POST /api/auth/login', 'POST /api/auth/register'];

let moto: RunningMoto;

beforeAll(async () => {
  moto = await startMoto();
});

afterAll(async () => {
  await moto?.stop();
});

describe.each(DATABASE_KINDS)('every route on %s', (kind) => {
  let f: SweepFixture;
  const idRoutes = (): SweptRoute[] => f.routes.filter((r) => r.hasParams);

  beforeAll(async () => {
    f = await sweepFixture(kind, moto);
  });

  afterAll(async () => {
    await f?.close();
  });

  it('collects the whole API from the app', () => {
    const keys = f.routes.map(routeKey);
    expect(keys.length).toBeGreaterThan(20);
    for (const key of ['GET /api/events', 'GET /api/scans/:id/events', 'POST /api/accounts', 'GET /api/scans/:id/export']) expect(keys).toContain(key);
    expect(idRoutes().length).toBeGreaterThan(10);
  });

  it("answers 404 in our shape to every :id route called with another user's ids", async () => {
    const ids = { account: f.account.id, scan: f.scanId };
    for (const route of idRoutes()) {
      const key = routeKey(route);
      if (route.hasBody) expect(Object.keys(VALID_BODIES), `${key} needs a valid body in VALID_BODIES`).toContain(key);
      const body = VALID_BODIES[key] ?? undefined;
      const response = await f.call({
        method: route.method as 'GET',
        url: fillId(route.url, ids),
        headers: headersOf(f.b, body !== undefined),
        ...(body === undefined ? {} : { payload: body }),
      });
      expectOurError(response, 404, 'not_found');
      for (const secret of f.secretsOfA) expect(response.body, `${key} leaks ${secret}`).not.toContain(secret);
    }
  });

  it("leaves A's account and scan as they were", async () => {
    const account = await f.call({ method: 'GET', url: `/api/accounts/${f.account.id}`, headers: headersOf(f.a, false) });
    expect(account.statusCode, account.body).toBe(200);
    expect(account.json<{ accessKeyId: string }>().accessKeyId).toBe(f.account.accessKeyId);
    const scan = await f.call({ method: 'GET', url: `/api/scans/${f.scanId}`, headers: headersOf(f.a, false) });
    expect(scan.statusCode, scan.body).toBe(200);
    expect(scan.json<{ scan: { status: string } }>().scan.status).toBe('completed');
    const findings = await f.call({ method: 'GET', url: `/api/scans/${f.scanId}/findings?limit=100`, headers: headersOf(f.a, false) });
    expect(findings.json<{ items: unknown[] }>().items).toHaveLength(40);
  });

  it('answers ids of any length or shape with an error in our shape', async () => {
    for (const route of idRoutes()) {
      const headers = headersOf(f.a, false);
      const method = route.method as 'GET';
      const tooLong = await f.call({ method, url: route.url.replace(':id', 'x'.repeat(150)), headers });
      expectOurError(tooLong, 400, 'validation_failed');
      const overRouterLimit = await f.call({ method, url: route.url.replace(':id', 'x'.repeat(600)), headers });
      expectOurError(overRouterLimit, 404, 'not_found');
      expect(overRouterLimit.body).not.toContain('x'.repeat(100));
      const badEscape = await f.call({ method, url: route.url.replace(':id', '%E0%A4%A'), headers });
      expectOurError(badEscape, 400, 'bad_request');
      const unknown = await f.call({ method, url: route.url.replace(':id', crypto.randomUUID()), headers });
      expect([400, 404], `${routeKey(route)} ${unknown.body}`).toContain(unknown.statusCode);
      expectOurError(unknown, unknown.statusCode);
    }
  });

  it('answers 401 in our shape to signed-out calls on every route but the public ones', async () => {
    const open = f.routes.filter((r) => !r.signedIn).map(routeKey);
    expect(open.sort()).toEqual(PUBLIC_ROUTES);
    for (const route of f.routes.filter((r) => r.signedIn)) {
      const url = fillId(route.url, { account: f.account.id, scan: f.scanId });
      for (const headers of [{}, { cookie: 'cs_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }]) {
        const response = await f.call({ method: route.method as 'GET', url, headers });
        expectOurError(response, 401, 'unauthenticated');
        for (const secret of f.secretsOfA) expect(response.body).not.toContain(secret);
      }
    }
  });

  it('answers 403 in our shape to signed-in mutating calls without the CSRF header', async () => {
    for (const route of f.routes.filter((r) => r.signedIn && r.method !== 'GET')) {
      const url = fillId(route.url, { account: f.account.id, scan: f.scanId });
      const response = await f.call({ method: route.method as 'POST', url, headers: { cookie: f.a.cookie } });
      expectOurError(response, 403, 'csrf_failed');
    }
    const still = await f.call({ method: 'GET', url: `/api/accounts/${f.account.id}`, headers: headersOf(f.a, false) });
    expect(still.statusCode).toBe(200);
  });

  it('never puts the canary secret key in a response or a log line', async () => {
    const all: LightMyRequestResponse[] = f.responses;
    expect(all.length).toBeGreaterThan(100);
    expect(f.lines.length).toBeGreaterThan(100);
    for (const response of all) {
      expect(response.body).not.toContain(CANARY);
      expect(JSON.stringify(response.headers)).not.toContain(CANARY);
      expectNoLeak(response);
    }
    for (const line of f.lines) expect(line).not.toContain(CANARY);
    const audit = await f.database.db.kysely.selectFrom('audit_events').select('details').execute();
    for (const row of audit) expect(row.details ?? '').not.toContain(CANARY);
  });
});
