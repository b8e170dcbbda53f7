import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { freshDatabase, type TestDatabase } from './test-databases.js';

const INDEX = '<!doctype html><html><body><div id="root"></div></body></html>';
const HTML = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

describe('the built web app', () => {
  let database: TestDatabase;
  let base: string;
  let dist: string;
  let app: FastifyInstance;
  let bare: FastifyInstance;

  beforeAll(async () => {
    database = await freshDatabase('sqlite');
    base = mkdtempSync(join(tmpdir(), 'cloudsweep-web-'));
    dist = join(base, 'dist');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(base, 'secret.txt'), 'do not serve');
    writeFileSync(join(dist, 'index.html'), INDEX);
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log("app")');
    app = await buildApp({ config: loadConfig({ WEB_DIST_DIR: dist }), db: database.db });
    bare = await buildApp({ config: loadConfig({ WEB_DIST_DIR: join(dist, 'missing') }), db: database.db });
  });

  afterAll(async () => {
    await app?.close();
    await bare?.close();
    await database?.drop();
    if (base) rmSync(base, { recursive: true, force: true });
  });

  it('serves index.html at / and for the app’s own paths, revalidated every time', async () => {
    for (const [url, accept] of [['/', '*/*'], ['/scans/abc?status=fail', HTML.accept], ['/accounts', HTML.accept]] as const) {
      const response = await app.inject({ method: 'GET', url, headers: { accept } });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.body).toBe(INDEX);
    }
  });

  it('serves hashed assets with a long cache', async () => {
    const response = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toMatch(/max-age=31536000.*immutable/);
  });

  it('keeps the API’s JSON 404 for /api paths, non-page requests and other methods', async () => {
    const api = await app.inject({ method: 'GET', url: '/api/nope', headers: HTML });
    expect(api.statusCode).toBe(404);
    expect(api.json().error).toMatchObject({ code: 'not_found', message: 'No route GET /api/nope' });
    const file = await app.inject({ method: 'GET', url: '/missing.js', headers: { accept: '*/*' } });
    expect(file.statusCode).toBe(404);
    expect(file.json().error.code).toBe('not_found');
    const json = await app.inject({ method: 'GET', url: '/accounts', headers: { accept: 'application/json' } });
    expect(json.statusCode).toBe(404);
    const post = await app.inject({ method: 'POST', url: '/', headers: HTML });
    expect(post.statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/health' })).json()).toEqual({ status: 'ok', database: 'sqlite' });
  });

  it('never serves files outside the build', async () => {
    const dotted = await app.inject({ method: 'GET', url: `/..%2f${encodeURIComponent('secret.txt')}`, headers: { accept: '*/*' } });
    expect(dotted.statusCode).toBe(404);
    // Extensionless: a page path like any other, answered with the app, never the file.
    const page = await app.inject({ method: 'GET', url: '/..%2f..%2f..%2fetc%2fpasswd', headers: HTML });
    expect(page.body).toBe(INDEX);
  });

  it('serves nothing at / without a build', async () => {
    const response = await bare.inject({ method: 'GET', url: '/', headers: HTML });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
  });
});
