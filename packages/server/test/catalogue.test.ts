import { CheckCatalogueSchema, RegionListSchema } from '@cloudsweep/contract';
import { allChecks, KNOWN_REGIONS } from '@cloudsweep/engine';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { expectOurError } from './api-sweep-kit.js';
import { asUser, RELAXED_LIMITS, signUp, type SignedInClient } from './auth-test-kit.js';
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from './test-databases.js';

describe.each(DATABASE_KINDS)('the check and region catalogue on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let user: SignedInClient;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    app = await buildApp({ config: loadConfig(RELAXED_LIMITS), db: database.db });
    user = await signUp(app, `catalogue-${kind}@example.com`);
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const get = (url: string, headers: Record<string, string> = asUser(user, false)) => app.inject({ method: 'GET', url, headers });

  it('lists every engine check, sorted by id, with what a person needs to pick one', async () => {
    const response = await get('/api/checks');
    expect(response.statusCode, response.body).toBe(200);
    const { checks } = CheckCatalogueSchema.parse(response.json());
    expect(checks.map((c) => c.id)).toEqual(allChecks.map((c) => c.id).sort((a, b) => a.localeCompare(b)));
    for (const check of checks) {
      expect(check.id.startsWith(`${check.service}.`), check.id).toBe(true);
      expect(check.title && check.description && check.remediation.text, check.id).toBeTruthy();
      expect(['security', 'cost']).toContain(check.kind);
    }
    expect(checks.some((c) => c.kind === 'cost')).toBe(true);
    // Only the catalogue's words: never the check's code or its collectors.
    const first = response.json<{ checks: Array<Record<string, unknown>> }>().checks[0] ?? {};
    expect(Object.keys(first).sort()).toEqual(['compliance', 'description', 'id', 'kind', 'remediation', 'service', 'severity', 'title']);
  });

  it('lists the regions a scan accepts, sorted', async () => {
    const response = await get('/api/regions');
    expect(response.statusCode, response.body).toBe(200);
    const { regions } = RegionListSchema.parse(response.json());
    expect(regions).toEqual([...KNOWN_REGIONS].sort());
    expect(regions).toContain('eu-west-1');
  });

  it('answers the same to every signed-in user and 401 to everyone else', async () => {
    const other = await signUp(app, `catalogue-other-${kind}@example.com`);
    for (const url of ['/api/checks', '/api/regions']) {
      expect((await get(url, asUser(other, false))).body).toBe((await get(url)).body);
      expectOurError(await get(url, {}), 401, 'unauthenticated');
    }
  });

  it('takes no query parameters it does not know of and no body on a GET', async () => {
    const response = await get('/api/checks?limit=5');
    expect(response.statusCode).toBe(200);
  });
});
