import type { Trail } from '../model.js';
import { bool, compact, str, strings, type JsonInput } from '../protocols/json-input.js';
import { SimError, type ServiceContext, type ServiceDef } from '../protocols/types.js';
import { epochSeconds } from '../time.js';

function trailJson(t: Trail): Record<string, unknown> {
  return compact({
    Name: t.name, S3BucketName: t.s3BucketName, IncludeGlobalServiceEvents: t.includeGlobalEvents, IsMultiRegionTrail: t.multiRegion,
    HomeRegion: t.homeRegion, TrailARN: t.arn, LogFileValidationEnabled: t.logFileValidation, KmsKeyId: t.kmsKeyId,
    CloudWatchLogsLogGroupArn: t.cloudWatchLogGroupArn, CloudWatchLogsRoleArn: t.cloudWatchLogGroupArn ? t.arn.replace(/:cloudtrail:[^:]+:/, ':iam::').replace(':trail/', ':role/cloudtrail-to-logs-') : undefined,
    HasCustomEventSelectors: t.selectors.kind === 'data-s3', HasInsightSelectors: false, IsOrganizationTrail: false,
  });
}

/** A multi-region trail shows up in every region as a "shadow trail" unless includeShadowTrails=false. */
function visibleTrails(ctx: ServiceContext, includeShadows: boolean): Trail[] {
  return ctx.account.trails.filter((t) => t.homeRegion === ctx.region || (includeShadows && t.multiRegion));
}

function findTrail(ctx: ServiceContext, name: string | undefined): Trail {
  const trail = visibleTrails(ctx, true).find((t) => t.name === name || t.arn === name);
  if (!trail) throw new SimError('TrailNotFoundException', `Unknown trail: ${name ?? ''} for the user: ${ctx.account.accountId}`, 400);
  return trail;
}

function describeTrails(input: JsonInput, ctx: ServiceContext): object {
  const names = strings(input, 'trailNameList');
  const trails = visibleTrails(ctx, bool(input, 'includeShadowTrails') ?? true);
  const selected = names.length === 0 ? trails : trails.filter((t) => names.includes(t.name) || names.includes(t.arn));
  return { trailList: selected.map(trailJson) };
}

function getTrailStatus(input: JsonInput, ctx: ServiceContext): object {
  const trail = findTrail(ctx, str(input, 'Name'));
  const started = ctx.account.now - 400 * 86_400_000;
  const delivered = ctx.account.now - 300_000;
  return compact({
    IsLogging: trail.isLogging, StartLoggingTime: epochSeconds(started), LatestDeliveryTime: trail.isLogging ? epochSeconds(delivered) : undefined,
    StopLoggingTime: trail.isLogging ? undefined : epochSeconds(ctx.account.now - 40 * 86_400_000),
    TimeLoggingStarted: new Date(started).toISOString(), LatestDeliveryAttemptTime: new Date(delivered).toISOString(), LatestDeliveryAttemptSucceeded: new Date(delivered).toISOString(),
  });
}

function getEventSelectors(input: JsonInput, ctx: ServiceContext): object {
  const trail = findTrail(ctx, str(input, 'TrailName'));
  const { selectors } = trail;
  if (selectors.kind === 'advanced') {
    return { TrailARN: trail.arn, AdvancedEventSelectors: [
      { Name: 'Management events', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] },
      { Name: 'S3 writes', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: ['AWS::S3::Object'] }, { Field: 'readOnly', Equals: ['false'] }] },
    ] };
  }
  const dataResources = selectors.kind === 'data-s3' ? [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] : [];
  return { TrailARN: trail.arn, EventSelectors: [{
    ReadWriteType: selectors.kind === 'data-s3' ? selectors.readWriteType : 'All', IncludeManagementEvents: selectors.kind !== 'none',
    DataResources: dataResources, ExcludeManagementEventSources: [],
  }] };
}

export const cloudtrailService: ServiceDef = {
  id: 'cloudtrail', protocol: 'json',
  actions: { DescribeTrails: describeTrails, GetTrailStatus: getTrailStatus, GetEventSelectors: getEventSelectors },
};
