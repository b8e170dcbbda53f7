import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineCheck, fail, noSettings, pass } from '../core/check.js';
import { defineCollector, type CollectorContext } from '../core/collector.js';
import type { Resource } from '../core/resource.js';
import type { ScanEvent } from './events.js';
import { executePlan, type ExecutionContext } from './execute.js';
import { planExecution } from './plan.js';

function resource(id: string, region: string, data: { size: number }): Resource<{ size: number }> {
  return { arn: `arn:aws:test:${region}:1:thing/${id}`, id, type: 'Test', region, accountId: '1', tags: {}, data };
}

const denied = Object.assign(new Error('no'), { name: 'UnauthorizedOperation', $metadata: { httpStatusCode: 403 } });

const things = defineCollector<{ size: number }>({
  id: 'test.things',
  service: 'ec2',
  scope: 'regional',
  permissions: ['test:ListThings'],
  async *collect(ctx: CollectorContext) {
    if (ctx.region === 'eu-west-1') throw denied;
    yield resource(`${ctx.region}-small`, ctx.region, { size: 1 });
    yield resource(`${ctx.region}-big`, ctx.region, { size: 100 });
  },
});

const owners = defineCollector<{ size: number }>({
  id: 'test.owners',
  service: 'iam',
  scope: 'global',
  permissions: ['test:ListOwners'],
  async *collect() {
    yield resource('owner', 'global', { size: 0 });
  },
});

const smallThings = defineCheck({
  id: 'test.small-things',
  title: 'Things are small',
  kind: 'security',
  severity: 'high',
  description: 'd',
  remediation: { text: 't', url: 'https://example.com' },
  compliance: [],
  uses: { things, owners },
  settings: z.object({ max: z.number().default(10) }),
  evaluate: ({ things: list }, { max }) =>
    list.map((t) => (t.data.size <= max ? pass(t, 'small') : fail(t, `size ${t.data.size}`))),
});

const ownersExist = defineCheck({
  id: 'test.owners-exist',
  title: 'Owners exist',
  kind: 'security',
  severity: 'low',
  description: 'd',
  remediation: { text: 't', url: 'https://example.com' },
  compliance: [],
  uses: { owners },
  settings: noSettings,
  evaluate: ({ owners: list }) => list.map((o) => pass(o, 'exists')),
});

async function run(regions: string[], signal = new AbortController().signal): Promise<ScanEvent[]> {
  const events: ScanEvent[] = [];
  const plan = planExecution([smallThings, ownersExist], new Map([['test.small-things', { max: 10 }]]), regions);
  const ctx: ExecutionContext = {
    collector: { accountId: '1', partition: 'aws', aws: {} as never, signal, memo: (_k, load) => load() },
    homeRegion: 'us-east-1',
    now: new Date(0),
    signal,
    emit: (e) => events.push(e),
  };
  await executePlan(plan, ctx, 2);
  return events;
}

describe('executePlan', () => {
  it('plans one task per regional collector and region, and one per global collector', () => {
    const plan = planExecution([smallThings, ownersExist], new Map(), ['us-east-1', 'eu-west-1']);
    expect(plan.tasks.map((t) => t.key).sort()).toEqual(['test.owners@global', 'test.things@eu-west-1', 'test.things@us-east-1']);
    expect(plan.units.map((u) => `${u.check.id}@${u.region}`).sort()).toEqual([
      'test.owners-exist@global', 'test.small-things@eu-west-1', 'test.small-things@us-east-1',
    ]);
  });

  it('evaluates each region, and a denied region becomes one unknown naming the permission', async () => {
    const events = await run(['us-east-1', 'eu-west-1']);
    const results = events.flatMap((e) => (e.type === 'result' ? [e.result] : []));
    const byId = Object.fromEntries(results.map((r) => [`${r.checkId}:${r.resourceId}`, r.status]));
    expect(byId).toEqual({
      'test.small-things:us-east-1-small': 'pass',
      'test.small-things:us-east-1-big': 'fail',
      'test.small-things:eu-west-1': 'unknown',
      'test.owners-exist:owner': 'pass',
    });
    const unknown = results.find((r) => r.status === 'unknown');
    expect(unknown?.message).toContain('access was denied');
    expect(unknown?.message).toContain('test:ListThings');
    const issues = events.filter((e) => e.type === 'issue');
    expect(issues).toHaveLength(1);
  });

  it('reports progress for every task, ending at total', async () => {
    const events = await run(['us-east-1', 'eu-west-1', 'ap-south-1']);
    const progress = events.flatMap((e) => (e.type === 'progress' ? [e] : []));
    expect(progress.map((p) => p.done)).toEqual([1, 2, 3, 4]);
    expect(progress.every((p) => p.total === 4)).toBe(true);
  });

  it('gives every result a stable fingerprint of check id and resource', async () => {
    const first = (await run(['us-east-1'])).flatMap((e) => (e.type === 'result' ? [e.result.fingerprint] : []));
    const second = (await run(['us-east-1'])).flatMap((e) => (e.type === 'result' ? [e.result.fingerprint] : []));
    expect(first).toEqual(second);
    expect(new Set(first).size).toBe(first.length);
  });
});
