import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from './test-databases.js';

describe.each(DATABASE_KINDS)('the API on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    app = await buildApp({ config: loadConfig({}), db: database.db });
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('answers health with the database it runs on', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: kind });
  });

  it('answers an unknown route with the one error shape and a request id', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/nope?x=1' });
    expect(response.statusCode).toBe(404);
    const body = response.json();
    expect(body.error).toMatchObject({ code: 'not_found', message: 'No route GET /api/nope' });
    expect(body.error.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('configuration', () => {
  it('reports every bad variable at once', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', CLOUDSWEEP_MASTER_KEY: 'short' })).toThrow(
      /PORT[\s\S]*DATABASE_URL must be a postgres:\/\/ URL[\s\S]*CLOUDSWEEP_MASTER_KEY must be 32 random bytes/,
    );
  });

  it('defaults to the embedded SQLite with the sample account on', () => {
    const config = loadConfig({});
    expect(config.database.kind).toBe('sqlite');
    expect(config.sampleAccount).toBe(true);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('turns the sample account off by default with PostgreSQL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://x@localhost/db' }).sampleAccount).toBe(false);
  });
});
