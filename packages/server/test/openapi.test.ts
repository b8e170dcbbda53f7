import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { testKeyring } from './accounts-test-kit.js';
import { RELAXED_LIMITS } from './auth-test-kit.js';
import { routeCollector, routeKey, type SweptRoute } from './api-sweep-kit.js';
import { freshDatabase, type TestDatabase } from './test-databases.js';

interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  security?: Array<Record<string, string[]>>;
  requestBody?: unknown;
  parameters?: Array<{ in: string; name: string }>;
}
interface OpenApiDocument {
  openapi: string;
  info: { title: string };
  components: { securitySchemes: Record<string, { type: string; in: string; name: string }> };
  paths: Record<string, Record<string, Operation>>;
}

const asOpenApiPath = (url: string): string => url.replace(/:(\w+)/g, '{$1}');

describe('the OpenAPI document at /api/docs', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let routes: SweptRoute[];
  let document: OpenApiDocument;

  beforeAll(async () => {
    database = await freshDatabase('sqlite');
    const collector = routeCollector();
    routes = collector.routes;
    app = await buildApp({ config: loadConfig(RELAXED_LIMITS), db: database.db, keyring: testKeyring(), onRoute: collector.onRoute });
    const response = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode, response.body).toBe(200);
    document = response.json<OpenApiDocument>();
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const operation = (route: { method: string; url: string }): Operation | undefined =>
    document.paths[asOpenApiPath(route.url)]?.[route.method.toLowerCase()];

  it('lists every route of the app, and nothing else', () => {
    expect(routes.length).toBeGreaterThan(20);
    const documented = Object.entries(document.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    const expected = routes.map((r) => `${r.method} ${asOpenApiPath(r.url)}`);
    expect(documented.sort()).toEqual([...new Set(expected)].sort());
  });

  it('describes every operation, the SSE streams included', () => {
    for (const route of routes) {
      const op = operation(route);
      expect(op?.description, routeKey(route)).toBeTruthy();
      expect(op?.tags?.length, routeKey(route)).toBe(1);
    }
    expect(operation({ method: 'GET', url: '/api/events' })?.description).toContain('text/event-stream');
    expect(operation({ method: 'GET', url: '/api/scans/:id/events' })?.description).toContain('text/event-stream');
  });

  it('names the cookie session and the CSRF header, route by route', () => {
    expect(document.info.title).toBe('Cloudsweep API');
    expect(document.components.securitySchemes['session']).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'cs_session' });
    expect(document.components.securitySchemes['csrf']).toMatchObject({ type: 'apiKey', in: 'header', name: 'x-csrf-token' });
    for (const route of routes) {
      const security = operation(route)?.security;
      if (!route.signedIn) expect(security, routeKey(route)).toEqual([]);
      else if (route.method === 'GET') expect(security, routeKey(route)).toEqual([{ session: [] }]);
      else expect(security, routeKey(route)).toEqual([{ session: [], csrf: [] }]);
    }
    expect(operation({ method: 'POST', url: '/api/auth/login' })?.security).toEqual([]);
  });

  it('carries the zod schemas: bodies, path parameters and queries', () => {
    for (const route of routes.filter((r) => r.hasBody)) expect(operation(route)?.requestBody, routeKey(route)).toBeDefined();
    for (const route of routes.filter((r) => r.hasParams)) {
      expect(operation(route)?.parameters?.some((p) => p.in === 'path' && p.name === 'id'), routeKey(route)).toBe(true);
    }
    const findings = operation({ method: 'GET', url: '/api/scans/:id/findings' });
    expect(findings?.parameters?.filter((p) => p.in === 'query').length).toBeGreaterThan(2);
  });

  it('serves the UI at /api/docs', async () => {
    const ui = await app.inject({ method: 'GET', url: '/api/docs' });
    expect([200, 302]).toContain(ui.statusCode);
    const page = ui.statusCode === 302 ? await app.inject({ method: 'GET', url: `/api/docs/${String(ui.headers.location).replace(/^.*\//, '')}` }) : ui;
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
  });
});
