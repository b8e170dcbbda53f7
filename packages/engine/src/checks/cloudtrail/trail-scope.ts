import type { TrailRecord } from '../../collectors/cloudtrail/trails.js';
import type { EvaluationContext } from '../../core/check.js';
import type { Resource, ResourceRef } from '../../core/resource.js';

/**
 * A multi-region trail is listed in every region; per-trail checks report it only in its home
 * region. Organization trails owned by the management account are reported in that account,
 * not in every member account that sees them.
 */
export function trailsHomedHere(trails: ReadonlyArray<Resource<TrailRecord>>): Array<Resource<TrailRecord>> {
  return trails.filter((trail) => {
    const { HomeRegion, TrailARN } = trail.data.trail;
    const owner = TrailARN?.split(':')[4];
    return (HomeRegion === undefined || HomeRegion === trail.region) && (owner === undefined || owner === trail.accountId);
  });
}

/** The subject of a region-wide outcome, which exists whether or not any trail does. */
export function regionRef(ctx: EvaluationContext): ResourceRef {
  return {
    arn: `arn:${ctx.partition}:cloudtrail:${ctx.region}:${ctx.accountId}:account`,
    id: `${ctx.accountId}/${ctx.region}`,
    type: 'AWS::::Account',
    region: ctx.region,
  };
}

