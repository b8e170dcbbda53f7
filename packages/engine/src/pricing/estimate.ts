import type { Savings } from '../core/check.js';
import { HOURS_PER_MONTH, PRICE_DATE, US_EAST_1, regionFactor, type EbsVolumeType } from './price-table.js';

function usd(value: number): string {
  return `$${value < 0.1 ? value.toFixed(4) : value.toFixed(3)}`;
}

function roundCents(value: number): number {
  return Math.round(value * 100) / 100;
}

function priceNote(region: string): string {
  return `${region} list price of ${PRICE_DATE}`;
}

/** Unknown volume types price as gp2, the most common default for older volumes. */
function ebsGbMonthPrice(volumeType: string | undefined, region: string): number {
  const table: Readonly<Record<string, number>> = US_EAST_1.ebsGbMonth;
  return (table[volumeType ?? 'gp2'] ?? US_EAST_1.ebsGbMonth.gp2) * regionFactor(region);
}

export function ebsStorageCost(sizeGiB: number, volumeType: string | undefined, region: string): Savings {
  const price = ebsGbMonthPrice(volumeType, region);
  return {
    monthlyUsd: roundCents(sizeGiB * price),
    basis: `${sizeGiB} GiB x ${usd(price)}/GB-month ${volumeType ?? 'gp2'} (${priceNote(region)})`,
  };
}

export function gp2ToGp3Saving(sizeGiB: number, region: string): Savings {
  const gp2 = ebsGbMonthPrice('gp2', region);
  const gp3 = ebsGbMonthPrice('gp3' satisfies EbsVolumeType, region);
  return {
    monthlyUsd: roundCents(sizeGiB * (gp2 - gp3)),
    basis: `${sizeGiB} GiB x (${usd(gp2)} gp2 - ${usd(gp3)} gp3)/GB-month (${priceNote(region)})`,
  };
}

export function perGbMonthCost(sizeGiB: number, usEast1Price: number, what: string, region: string): Savings {
  const price = usEast1Price * regionFactor(region);
  return {
    monthlyUsd: roundCents(sizeGiB * price),
    basis: `${roundCents(sizeGiB)} GB x ${usd(price)}/GB-month ${what} (${priceNote(region)})`,
  };
}

export function hourlyCost(usEast1HourPrice: number, what: string, region: string): Savings {
  const price = usEast1HourPrice * regionFactor(region);
  return {
    monthlyUsd: roundCents(price * HOURS_PER_MONTH),
    basis: `${usd(price)}/hour ${what} x ${HOURS_PER_MONTH} hours (${priceNote(region)})`,
  };
}
