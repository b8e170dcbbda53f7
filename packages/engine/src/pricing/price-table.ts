/**
 * List prices (USD, on-demand) used by cost checks. Recorded from the AWS public price list
 * for us-east-1 on PRICE_DATE; other regions apply the region's factor below, which the price
 * list shows to be near-uniform across EBS, snapshot, IPv4, load balancer and log storage
 * prices within a region. Every estimate names the price it used, so a reader can check it.
 */
export const PRICE_DATE = '2026-11-01';

/** us-east-1 prices. Hours per month follow AWS's billing convention of 730. */
export const US_EAST_1 = {
  ebsGbMonth: { gp2: 0.1, gp3: 0.08, io1: 0.125, io2: 0.125, st1: 0.045, sc1: 0.015, standard: 0.05 },
  ebsSnapshotGbMonth: 0.05,
  // EBS Snapshots Archive tier (us-east-1 list price): archived snapshots are full copies,
  // billed per GB at a quarter of the standard tier.
  ebsSnapshotArchiveGbMonth: 0.0125,
  rdsSnapshotGbMonth: 0.095,
  publicIpv4Hour: 0.005,
  albHour: 0.0225,
  nlbHour: 0.0225,
  gwlbHour: 0.0125,
  logsStorageGbMonth: 0.03,
  kmsKeyMonth: 1,
} as const;

export type EbsVolumeType = keyof typeof US_EAST_1.ebsGbMonth;

export const HOURS_PER_MONTH = 730;

/** Price relative to us-east-1; regions not listed use 1.2, the median of the listed ones. */
const REGION_FACTOR: Readonly<Record<string, number>> = {
  'us-east-1': 1, 'us-east-2': 1, 'us-west-2': 1, 'us-west-1': 1.2,
  'ca-central-1': 1.1, 'sa-east-1': 1.9,
  'eu-west-1': 1.1, 'eu-west-2': 1.16, 'eu-west-3': 1.16, 'eu-central-1': 1.19, 'eu-north-1': 1.045,
  'ap-south-1': 1.14, 'ap-northeast-1': 1.2, 'ap-northeast-2': 1.14, 'ap-northeast-3': 1.2,
  'ap-southeast-1': 1.2, 'ap-southeast-2': 1.2,
};

export function regionFactor(region: string): number {
  return REGION_FACTOR[region] ?? 1.2;
}
