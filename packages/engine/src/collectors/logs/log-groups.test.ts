import { describe, expect, it } from 'vitest';
import { collectAll, stubbedContext } from '../collector-test-kit.js';
import { logsLogGroups } from './log-groups.js';

describe('logs.log-groups', () => {
  it('pages by 50 and names each group by its own ARN (not the streams ARN ending in :*)', async () => {
    const { ctx, calls } = stubbedContext(({ input }) =>
      input['nextToken'] === undefined
        ? { logGroups: [{ logGroupName: '/a', arn: 'arn:aws:logs:us-east-1:1:log-group:/a:*', logGroupArn: 'arn:aws:logs:us-east-1:1:log-group:/a' }], nextToken: 'n' }
        : { logGroups: [{ logGroupName: '/b' }] },
    );
    const groups = await collectAll(logsLogGroups, ctx);
    expect(groups.map((g) => [g.id, g.arn])).toEqual([
      ['/a', 'arn:aws:logs:us-east-1:1:log-group:/a'],
      ['/b', 'arn:aws:logs:us-east-1:123456789012:log-group:/b'],
    ]);
    expect(calls.map((c) => c.input['limit'])).toEqual([50, 50]);
  });
});
