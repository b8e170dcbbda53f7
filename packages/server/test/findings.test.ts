import { severityRank, type CheckResult } from '@cloudsweep/engine';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { insertFindings } from '../src/modules/findings/findings.repository.js';
import { asUser, RELAXED_LIMITS, signUp, type SignedInClient } from './auth-test-kit.js';
import { insertAccount, insertScan, syntheticResult, syntheticResults } from './findings-test-kit.js';
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from './test-databases.js';

interface Item { id: number; resourceId: string; severity: string; checkId: string; region: string; resourceArn: string; description: string; remediation: { url: string } }
interface Page { items: Item[]; nextCursor: string | null }

const N = 300;
const ALL = syntheticResults(0, N);

describe.each(DATABASE_KINDS)('findings pages on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let owner: SignedInClient;
  let scanId: string;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    app = await buildApp({ config: loadConfig(RELAXED_LIMITS), db: database.db });
    owner = await signUp(app, 'findings-owner@example.com');
    const accountId = await insertAccount(database.db.kysely, owner.userId);
    scanId = await insertScan(database.db.kysely, { userId: owner.userId, accountId });
    await insertFindings(database.db.kysely, scanId, ALL);
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  async function get(url: string, client = owner) {
    return app.inject({ method: 'GET', url, headers: asUser(client, false) });
  }

  async function page(query: string, id = scanId): Promise<Page> {
    const response = await get(`/api/scans/${id}/findings?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Page>();
  }

  async function everyPage(query: string, limit = 37, between?: () => Promise<void>): Promise<Item[]> {
    const items: Item[] = [];
    let cursor: string | null = null;
    do {
      const next: Page = await page(`${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(next.items.length).toBeLessThanOrEqual(limit);
      items.push(...next.items);
      cursor = next.nextCursor;
      await between?.();
    } while (cursor);
    return items;
  }

  const ids = (results: readonly CheckResult[]) => results.map((r) => r.resourceId).sort();

  it.each([
    ['status=fail', (r: CheckResult) => r.status === 'fail'],
    ['severity=high,critical', (r: CheckResult) => r.severity === 'high' || r.severity === 'critical'],
    ['severity=low&severity=medium', (r: CheckResult) => r.severity === 'low' || r.severity === 'medium'],
    // Ranks with gaps, both orders: each page resumes at the filter's next rank past its key.
    ['severity=critical,low', (r: CheckResult) => r.severity === 'critical' || r.severity === 'low'],
    ['severity=info,high&order=asc', (r: CheckResult) => r.severity === 'info' || r.severity === 'high'],
    ['kind=cost', (r: CheckResult) => r.kind === 'cost'],
    ['service=s3', (r: CheckResult) => r.service === 's3'],
    ['region=eu-west-1', (r: CheckResult) => r.region === 'eu-west-1'],
    [`check=${ALL[3]?.checkId}`, (r: CheckResult) => r.checkId === ALL[3]?.checkId],
    ['q=RES-000012', (r: CheckResult) => r.resourceId.startsWith('res-000012')],
    ['q=%25', () => false],
    ['status=fail&region=us-east-1&severity=high', (r: CheckResult) => r.status === 'fail' && r.region === 'us-east-1' && r.severity === 'high'],
  ])('filters %s', async (query, keep) => {
    const items = await everyPage(query);
    expect(items.map((i) => i.resourceId).sort()).toEqual(ids(ALL.filter(keep)));
  });

  const sortValue: Record<string, (r: CheckResult) => string | number> = {
    severity: (r) => severityRank(r.severity),
    check: (r) => r.checkId,
    region: (r) => r.region,
    resource: (r) => r.resourceArn,
  };

  it.each(['severity', 'check', 'region', 'resource'].flatMap((sort) => [[sort, 'asc'], [sort, 'desc']]))('sorts by %s %s with id as the tiebreak', async (sort, order) => {
    const items = await everyPage(`sort=${sort}&order=${order}`, 50);
    const key = sortValue[sort] ?? (() => 0);
    // Ids follow insertion order, which is the results' order.
    const expected = ALL.map((r, i) => ({ r, i }))
      .sort((a, b) => {
        const [x, y] = [key(a.r), key(b.r)];
        const c = x < y ? -1 : x > y ? 1 : a.i - b.i;
        return order === 'asc' ? c : -c;
      })
      .map(({ r }) => r.resourceId);
    expect(items.map((i) => i.resourceId)).toEqual(expected);
  });

  // Filters under every sort and order: the walk planner visits only sort values with matches
  // (finding_groups), and a severity page under a check filter is a union of per-check seeks.
  const COMBINED: Array<[string, (r: CheckResult) => boolean]> = [
    ['service=ec2', (r) => r.service === 'ec2'],
    ['kind=cost&status=fail', (r) => r.kind === 'cost' && r.status === 'fail'],
    [`check=${ALL[5]?.checkId}&check=${ALL[9]?.checkId}&region=us-east-1,eu-west-1,ap-south-1`, (r) => (r.checkId === ALL[5]?.checkId || r.checkId === ALL[9]?.checkId) && ['us-east-1', 'eu-west-1', 'ap-south-1'].includes(r.region)],
    ['service=iam&severity=high,low&status=fail,unknown', (r) => r.service === 'iam' && ['high', 'low'].includes(r.severity) && r.status !== 'pass'],
    // One region and one status: their (scan_id, region | status, severity_rank, id) indexes compete.
    ['status=fail&region=eu-west-1&kind=security', (r) => r.status === 'fail' && r.region === 'eu-west-1' && r.kind === 'security'],
    ['status=unknown&service=s3', (r) => r.status === 'unknown' && r.service === 's3'],
  ];
  it.each(['severity', 'check', 'region', 'resource'].flatMap((sort) => ['asc', 'desc'].flatMap((order) => COMBINED.map(([query, keep]) => [sort, order, query, keep] as const))))(
    'sort=%s order=%s with %s: every match once, in order',
    async (sort, order, query, keep) => {
      const items = await everyPage(`sort=${sort}&order=${order}&${query}`, 4);
      const key = sortValue[sort] ?? (() => 0);
      const expected = ALL.map((r, i) => ({ r, i }))
        .filter(({ r }) => keep(r))
        .sort((a, b) => {
          const [x, y] = [key(a.r), key(b.r)];
          const c = x < y ? -1 : x > y ? 1 : a.i - b.i;
          return order === 'asc' ? c : -c;
        })
        .map(({ r }) => r.resourceId);
      expect(expected.length).toBeGreaterThan(0);
      expect(items.map((i) => i.resourceId)).toEqual(expected);
    },
  );

  it('sorts worst first by default and says why each finding matters and how to fix it', async () => {
    const first = await page('limit=5');
    expect(first.items[0]?.severity).toBe('critical');
    expect(first.items[0]?.description.length).toBeGreaterThan(10);
    expect(first.items[0]?.remediation.url).toMatch(/^https:\/\//);
  });

  it('returns every row exactly once while rows are added between pages', async () => {
    let added = 0;
    const items = await everyPage('sort=severity', 40, async () => {
      await insertFindings(database.db.kysely, scanId, [syntheticResult(N + added, { resourceId: `late-${added}` })]);
      added += 1;
    });
    const seen = items.map((i) => i.id);
    expect(new Set(seen).size).toBe(seen.length);
    const original = items.filter((i) => !i.resourceId.startsWith('late-')).map((i) => i.resourceId).sort();
    expect(original).toEqual(ids(ALL));
    await database.db.kysely.deleteFrom('findings').where('resource_id', 'like', 'late-%').execute();
  });

  it.each([
    ['limit=0', 'limit must be at least 1'],
    ['limit=201', 'limit must be at most 200'],
    ['limit=ten', 'limit must be a number'],
    ['severity=urgent', 'severity must be one of'],
    ['sort=price', 'sort must be one of'],
    ['colour=red', 'Unknown field: colour'],
  ])('rejects %s with a message', async (query, message) => {
    const response = await get(`/api/scans/${scanId}/findings?${query}`);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain(message);
  });

  it('answers 400 for a tampered cursor, and for one from another sort or scan', async () => {
    const first = await page('limit=10');
    const cursor = first.nextCursor ?? '';
    const otherScan = await insertScan(database.db.kysely, { userId: owner.userId, accountId: await insertAccount(database.db.kysely, owner.userId) });
    for (const url of [
      `/api/scans/${scanId}/findings?cursor=not-a-cursor!`,
      `/api/scans/${scanId}/findings?cursor=${Buffer.from('{"scan":1}').toString('base64url')}`,
      `/api/scans/${scanId}/findings?sort=region&cursor=${cursor}`,
      `/api/scans/${scanId}/findings?order=asc&cursor=${cursor}`,
      `/api/scans/${otherScan}/findings?cursor=${cursor}`,
    ]) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.json().error.message).toMatch(/cursor/);
    }
  });

  it("answers 404 for another user's scan, and 401 when signed out", async () => {
    const stranger = await signUp(app, 'findings-stranger@example.com');
    expect((await get(`/api/scans/${scanId}/findings`, stranger)).statusCode).toBe(404);
    expect((await get(`/api/scans/no-such-scan/findings`)).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `/api/scans/${scanId}/findings` })).statusCode).toBe(401);
  });
});
