import type { Trail } from '../model.js';
import { createRng } from '../random.js';
import { kmsKeyArn, type GenContext } from './context.js';

/** Trail 0 is the organisation-wide multi-region trail most accounts have; others are regional leftovers. */
export function generateTrails(ctx: GenContext): Trail[] {
  const rng = createRng(ctx.seed, 'cloudtrail');
  const home = ctx.regions.includes('us-east-1') ? 'us-east-1' : ctx.regions[0];
  if (home === undefined) return [];
  return Array.from({ length: ctx.size.trails }, (_, i) => {
    const region = i === 0 ? home : rng.pick(ctx.regions);
    const name = i === 0 ? 'management-events' : `trail-${i}`;
    const selectors: Trail['selectors'] = i === 0
      ? (rng.chance(0.5) ? { kind: 'data-s3', readWriteType: 'All' } : { kind: 'management' })
      : rng.pick([{ kind: 'advanced' }, { kind: 'management' }, { kind: 'none' }] as const);
    return {
      name, arn: `arn:aws:cloudtrail:${region}:${ctx.accountId}:trail/${name}`, homeRegion: region, multiRegion: i === 0,
      logFileValidation: rng.chance(0.6), ...(rng.chance(0.4) ? { kmsKeyId: kmsKeyArn(rng, region, ctx.accountId) } : {}),
      s3BucketName: `cloudtrail-${ctx.accountId}`, isLogging: i === 0 ? rng.chance(0.85) : rng.chance(0.5), includeGlobalEvents: i === 0,
      ...(rng.chance(0.5) ? { cloudWatchLogGroupArn: `arn:aws:logs:${region}:${ctx.accountId}:log-group:cloudtrail/${name}:*` } : {}),
      selectors,
    };
  });
}
