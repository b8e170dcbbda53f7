import { CSV_COLUMNS, SARIF_SCHEMA, type CheckResult } from '@cloudsweep/engine';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { insertFindings } from '../src/modules/findings/findings.repository.js';
import { asUser, RELAXED_LIMITS, signUp, type SignedInClient } from './auth-test-kit.js';
import { parseCsv } from '@cloudsweep/engine';
import { insertAccount, insertScan, syntheticResult, syntheticResults } from './findings-test-kit.js';
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from './test-databases.js';

// The previous scan sees resources 0..119, the current one 60..199 with every third one fixed.
const PREVIOUS = syntheticResults(0, 120);
const CURRENT = syntheticResults(60, 140).map((r, k) => (k % 3 === 0 ? { ...r, status: 'pass' as const } : r));
const failing = (results: readonly CheckResult[]) => new Set(results.filter((r) => r.status === 'fail').map((r) => r.fingerprint));

describe.each(DATABASE_KINDS)('findings summary, diff, latest and export on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let owner: SignedInClient;
  let stranger: SignedInClient;
  let accountId: string;
  let previousId: string;
  let currentId: string;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    app = await buildApp({ config: loadConfig(RELAXED_LIMITS), db: database.db });
    owner = await signUp(app, 'reports-owner@example.com');
    stranger = await signUp(app, 'reports-stranger@example.com');
    const db = database.db.kysely;
    accountId = await insertAccount(db, owner.userId);
    previousId = await insertScan(db, { userId: owner.userId, accountId, completedAt: '2026-01-01T00:00:00.000Z' });
    currentId = await insertScan(db, { userId: owner.userId, accountId, completedAt: '2026-01-02T00:00:00.000Z' });
    await insertFindings(db, previousId, PREVIOUS);
    await insertFindings(db, currentId, CURRENT);
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const get = (url: string, client = owner) => app.inject({ method: 'GET', url, headers: asUser(client, false) });

  it('summarizes by status, failed severity, service and region with the savings total', async () => {
    const response = await get(`/api/scans/${currentId}/summary`);
    expect(response.statusCode).toBe(200);
    const summary = response.json();
    const count = (keep: (r: CheckResult) => boolean) => CURRENT.filter(keep).length;
    expect(summary.total).toBe(CURRENT.length);
    expect(summary.byStatus).toEqual({ pass: count((r) => r.status === 'pass'), fail: count((r) => r.status === 'fail'), unknown: count((r) => r.status === 'unknown') });
    expect(summary.failBySeverity.high).toBe(count((r) => r.status === 'fail' && r.severity === 'high'));
    expect(summary.byService.s3).toEqual({ total: count((r) => r.service === 's3'), fail: count((r) => r.service === 's3' && r.status === 'fail') });
    expect(summary.byRegion['eu-west-1'].total).toBe(count((r) => r.region === 'eu-west-1'));
    const savings = CURRENT.reduce((sum, r) => sum + (r.status === 'fail' ? (r.savings?.monthlyUsd ?? 0) : 0), 0);
    expect(summary.monthlySavingsUsd).toBeCloseTo(savings, 2);
    expect(savings).toBeGreaterThan(0);
  });

  it('diffs failed findings by fingerprint against the previous completed scan, paginated', async () => {
    const before = failing(PREVIOUS);
    const now = failing(CURRENT);
    const expected = {
      new: [...now].filter((f) => !before.has(f)).length,
      resolved: [...before].filter((f) => !now.has(f)).length,
      unchanged: [...now].filter((f) => before.has(f)).length,
    };
    for (const diffKind of ['new', 'resolved', 'unchanged'] as const) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const response = await get(`/api/scans/${currentId}/diff?kind=${diffKind}&limit=7${cursor ? `&cursor=${cursor}` : ''}`);
        expect(response.statusCode, response.body).toBe(200);
        const body = response.json();
        expect(body).toMatchObject({ previousScanId: previousId, counts: expected, kind: diffKind });
        seen.push(...body.items.map((i: { fingerprint: string }) => i.fingerprint));
        cursor = body.nextCursor;
      } while (cursor);
      expect(seen.length, diffKind).toBe(expected[diffKind]);
      expect(new Set(seen).size).toBe(seen.length);
    }
    const first = await get(`/api/scans/${previousId}/diff`);
    expect(first.json()).toMatchObject({ previousScanId: null, counts: { new: before.size, resolved: 0, unchanged: 0 } });
    const cursor = (await get(`/api/scans/${currentId}/diff?kind=new&limit=1`)).json().nextCursor;
    expect((await get(`/api/scans/${currentId}/diff?kind=unchanged&cursor=${cursor}`)).statusCode).toBe(400);
  });

  it("lists the account's latest completed scan, or an empty page before any scan", async () => {
    const latest = (await get(`/api/accounts/${accountId}/findings/latest?status=fail&limit=200`)).json();
    expect(latest.scanId).toBe(currentId);
    expect(latest.items).toHaveLength(failing(CURRENT).size);
    const fresh = await insertAccount(database.db.kysely, owner.userId, '210987654321');
    expect((await get(`/api/accounts/${fresh}/findings/latest`)).json()).toEqual({ scanId: null, items: [], nextCursor: null });
  });

  it("answers 404 for another user's scan or account on every route", async () => {
    for (const url of [
      `/api/scans/${currentId}/findings`, `/api/scans/${currentId}/summary`, `/api/scans/${currentId}/diff`,
      `/api/scans/${currentId}/export?format=csv`, `/api/accounts/${accountId}/findings/latest`,
    ]) {
      const response = await get(url, stranger);
      expect(response.statusCode, url).toBe(404);
      expect(response.json().error.code).toBe('not_found');
    }
  });

  it('exports CSV that parses back, with formula-looking text defused', async () => {
    const hostileScan = await insertScan(database.db.kysely, { userId: owner.userId, accountId });
    await insertFindings(database.db.kysely, hostileScan, [syntheticResult(1, { resourceId: '=HYPERLINK("x")', message: 'a, "quoted"\nline' }), ...syntheticResults(2, 9)]);
    const response = await get(`/api/scans/${hostileScan}/export?format=csv`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="cloudsweep-${hostileScan}.csv"`);
    const rows = parseCsv(response.body);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(11);
    const hostile = rows.find((r) => r[CSV_COLUMNS.indexOf('resource_id')]?.includes('HYPERLINK'));
    expect(hostile?.[CSV_COLUMNS.indexOf('resource_id')]).toBe(`'=HYPERLINK("x")`);
    expect(hostile?.[CSV_COLUMNS.indexOf('message')]).toBe('a, "quoted"\nline');
    expect(hostile?.[CSV_COLUMNS.indexOf('account_id')]).toBe('123456789012');
  });

  it('exports valid JSON and SARIF 2.1.0 whose results point at their rules', async () => {
    const json = await get(`/api/scans/${currentId}/export?format=json`);
    expect(json.json().findings).toHaveLength(CURRENT.length);
    const sarif = await get(`/api/scans/${currentId}/export?format=sarif`);
    const log = sarif.json();
    expect(log).toMatchObject({ $schema: SARIF_SCHEMA, version: '2.1.0' });
    const run = log.runs[0];
    expect(run.results).toHaveLength(CURRENT.filter((r) => r.status !== 'pass').length);
    for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
    expect(run.results[0].locations[0].logicalLocations[0].fullyQualifiedName).toMatch(/^arn:aws:/);
    expect((await get(`/api/scans/${currentId}/export?format=pdf`)).statusCode).toBe(400);
  });

  it('streams a 20,000-row export in chunks instead of one buffered body', async () => {
    const big = await insertScan(database.db.kysely, { userId: owner.userId, accountId });
    await insertFindings(database.db.kysely, big, syntheticResults(0, 20_000));
    const response = await app.inject({ method: 'GET', url: `/api/scans/${big}/export?format=csv`, headers: asUser(owner, false), payloadAsStream: true });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-length']).toBeUndefined();
    let chunks = 0;
    let largest = 0;
    let lines = 0;
    for await (const chunk of response.stream() as AsyncIterable<Buffer>) {
      chunks += 1;
      largest = Math.max(largest, chunk.length);
      lines += chunk.toString('utf8').split('\r\n').length - 1;
    }
    expect(lines).toBe(20_001);
    expect(chunks).toBeGreaterThan(20);
    expect(largest).toBeLessThan(256 * 1024);
  });
});
