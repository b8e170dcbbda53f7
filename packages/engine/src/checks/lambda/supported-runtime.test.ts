import type { FunctionConfiguration, Runtime } from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import { aResource, runCheck, statuses } from '../check-test-kit.js';
import { RUNTIME_DEPRECATIONS } from './runtime-deprecations.js';
import { supportedRuntime } from './supported-runtime.js';

const fn = (id: string, data: FunctionConfiguration) => aResource<FunctionConfiguration>({ FunctionName: id, PackageType: 'Zip', ...data }, { id });
const statusAt = (runtime: Runtime, now: string) =>
  runCheck(supportedRuntime, { functions: [fn('f', { Runtime: runtime })] }, {}, { now: new Date(now) })[0]?.status;

describe('lambda.supported-runtime', () => {
  it.each<[Runtime, string, string]>([
    ['python3.7', '2026-12-01T00:00:00Z', 'fail'],
    ['nodejs12.x', '2026-12-01T00:00:00Z', 'fail'],
    ['go1.x', '2026-12-01T00:00:00Z', 'fail'],
    ['nodejs18.x', '2025-08-31T23:59:59Z', 'pass'],
    ['nodejs18.x', '2025-09-01T00:00:00Z', 'fail'],
    ['python3.9', '2025-12-14T12:00:00Z', 'pass'],
    ['python3.9', '2025-12-15T00:00:00Z', 'fail'],
    ['dotnet6', '2024-12-19T23:59:59Z', 'pass'],
    ['python3.13', '2026-12-01T00:00:00Z', 'pass'],
    ['python3.14', '2026-12-01T00:00:00Z', 'pass'],
  ])('%s at %s -> %s', (runtime, now, expected) => {
    expect(statusAt(runtime, now)).toBe(expected);
  });

  it('names the runtime and its deprecation date', () => {
    const outcomes = runCheck(supportedRuntime, { functions: [fn('old', { Runtime: 'nodejs16.x' }), fn('new', { Runtime: 'nodejs22.x' })] });
    expect(outcomes.map((o) => o.message)).toEqual([
      'Function old uses nodejs16.x, deprecated since 2024-06-12',
      'Function new uses nodejs22.x, supported until 2027-04-30',
    ]);
  });

  it('passes container-image functions, which have no Runtime, and is unknown for a zip without one', () => {
    const outcomes = runCheck(supportedRuntime, { functions: [fn('img', { PackageType: 'Image' }), fn('odd', {})] });
    expect(statuses(outcomes)).toEqual(['img:pass', 'odd:unknown']);
  });

  it('keeps every table date a valid calendar date', () => {
    for (const [runtime, date] of Object.entries(RUNTIME_DEPRECATIONS)) {
      expect(new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10), runtime).toBe(date);
    }
  });

  it('returns nothing for a region without functions', () => {
    expect(runCheck(supportedRuntime, { functions: [] })).toEqual([]);
  });
});
