import { regionDataOf } from '../dispatch.js';
import { checkLimit, paginate } from '../paging.js';
import { compact, num, str, type JsonInput } from '../protocols/json-input.js';
import type { ServiceContext, ServiceDef } from '../protocols/types.js';

/** CloudWatch Logs uses epoch milliseconds (a long), unlike the epoch seconds of other JSON APIs. */
function describeLogGroups(input: JsonInput, ctx: ServiceContext): object {
  const prefix = str(input, 'logGroupNamePrefix');
  const all = regionDataOf(ctx, 'json').logGroups;
  const items = prefix === undefined ? all : all.filter((g) => g.name.startsWith(prefix));
  const limit = checkLimit(num(input, 'limit'), 1, 50, 'InvalidParameterException', 'limit') ?? 50;
  const page = paginate(items, { scope: `logs:${ctx.region}:${prefix ?? ''}`, token: str(input, 'nextToken'), limit, invalidTokenCode: 'InvalidParameterException', notePage: ctx.notePage });
  return compact({
    logGroups: page.items.map((g) => compact({
      logGroupName: g.name, creationTime: g.createTime, retentionInDays: g.retentionInDays, metricFilterCount: 0,
      arn: `${g.arn}:*`, logGroupArn: g.arn, storedBytes: g.storedBytes, kmsKeyId: g.kmsKeyId, logGroupClass: 'STANDARD',
    })),
    nextToken: page.nextToken,
  });
}

export const logsService: ServiceDef = {
  id: 'logs', protocol: 'json',
  actions: { DescribeLogGroups: describeLogGroups },
};
