import { DescribeRegionsCommand } from '@aws-sdk/client-ec2';
import type { AwsClients } from './clients.js';

/**
 * Commercial regions, to reject a typo before any call. `all` asks the account itself
 * (DescribeRegions), so regions launched after this list still get scanned.
 */
export const KNOWN_REGIONS = [
  'af-south-1', 'ap-east-1', 'ap-east-2', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3',
  'ap-south-1', 'ap-south-2', 'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3',
  'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-6', 'ap-southeast-7', 'ca-central-1', 'ca-west-1',
  'eu-central-1', 'eu-central-2', 'eu-north-1', 'eu-south-1', 'eu-south-2', 'eu-west-1',
  'eu-west-2', 'eu-west-3', 'il-central-1', 'me-central-1', 'me-south-1', 'mx-central-1',
  'sa-east-1', 'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2',
] as const;

export type RegionSelection = readonly string[] | 'all';

export class UnknownRegionError extends Error {
  constructor(readonly unknownRegions: readonly string[]) {
    super(
      `Unknown region${unknownRegions.length > 1 ? 's' : ''}: ${unknownRegions.join(', ')}. ` +
        `Valid regions: ${KNOWN_REGIONS.join(', ')}, or "all".`,
    );
    this.name = 'UnknownRegionError';
  }
}

/** Throws UnknownRegionError naming every bad name at once. */
export function validateRegionNames(regions: readonly string[]): void {
  const known: ReadonlySet<string> = new Set(KNOWN_REGIONS);
  const unknown = regions.filter((r) => !known.has(r));
  if (unknown.length > 0) throw new UnknownRegionError(unknown);
  if (regions.length === 0) throw new UnknownRegionError(['(none given)']);
}

export interface ResolvedRegions {
  readonly regions: string[];
  readonly skipped: Array<{ region: string; reason: string }>;
}

/**
 * Which of the asked regions the account can use. Opt-in regions that are not enabled answer
 * every call with an auth error, so they are skipped with a note instead of failing the scan.
 */
export async function resolveRegions(
  selection: RegionSelection,
  aws: AwsClients,
  homeRegion: string,
): Promise<ResolvedRegions> {
  const response = await aws.client('ec2', homeRegion).send(new DescribeRegionsCommand({ AllRegions: true }));
  const status = new Map((response.Regions ?? []).map((r) => [r.RegionName ?? '', r.OptInStatus ?? 'opt-in-not-required']));
  const enabled = (region: string): boolean => status.get(region) !== 'not-opted-in';
  const asked = selection === 'all' ? [...status.keys()].filter(Boolean) : [...new Set(selection)];
  const skipped = asked
    .filter((region) => !enabled(region))
    .map((region) => ({ region, reason: `${region} is not enabled for this account (opt-in region)` }));
  if (selection !== 'all') {
    for (const region of asked.filter((r) => !status.has(r))) {
      skipped.push({ region, reason: `${region} is not offered to this account` });
    }
  }
  const skippedNames = new Set(skipped.map((s) => s.region));
  return { regions: asked.filter((r) => !skippedNames.has(r)).sort(), skipped };
}
