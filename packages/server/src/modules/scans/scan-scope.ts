import { createHash } from 'node:crypto';
import { selectChecks, allChecks, ScanSetupError, UnknownRegionError, validateRegionNames, KNOWN_REGIONS } from '@cloudsweep/engine';
import { AppError } from '../../errors.js';

export interface ScanScope {
  readonly regions: 'all' | readonly string[];
  readonly checks: readonly string[] | null;
  /** Equal for equal scopes whatever the order or repetition: the cache key. */
  readonly key: string;
}

function sortedUnique(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}

/** Validates regions and checks against the engine's catalogue; 400 naming what is wrong. */
export function scanScope(regions: 'all' | readonly string[], checks: readonly string[] | undefined): ScanScope {
  const regionList = regions === 'all' ? 'all' : sortedUnique(regions);
  if (regionList !== 'all') {
    try {
      validateRegionNames(regionList);
    } catch (error) {
      if (!(error instanceof UnknownRegionError)) throw error;
      throw new AppError('validation_failed', error.message, { field: 'regions', unknownRegions: [...error.unknownRegions], validRegions: [...KNOWN_REGIONS, 'all'] });
    }
  }
  const checkList = checks === undefined ? null : sortedUnique(checks);
  if (checkList) {
    try {
      selectChecks(allChecks, checkList);
    } catch (error) {
      if (!(error instanceof ScanSetupError)) throw error;
      throw new AppError('validation_failed', error.message.replace(/`cloudsweep checks` lists them\./, 'the checks catalogue lists them.'), { field: 'checks' });
    }
  }
  const key = createHash('sha256').update(JSON.stringify({ regions: regionList, checks: checkList })).digest('hex');
  return { regions: regionList, checks: checkList, key };
}
