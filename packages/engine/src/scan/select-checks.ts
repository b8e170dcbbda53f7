import type { Check } from '../core/check.js';
import { ScanSetupError } from './options.js';
import { serviceOf } from './results.js';

/** Picks checks by id or by service name; names every unknown selector at once. */
export function selectChecks(catalogue: readonly Check[], selectors: readonly string[] | undefined): Check[] {
  if (!selectors) return [...catalogue];
  const wanted = new Set(selectors);
  const unknown = selectors.filter((s) => !catalogue.some((c) => c.id === s || serviceOf(c.id) === s));
  if (unknown.length > 0) {
    throw new ScanSetupError(
      'invalid-options',
      `Unknown check${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. ` +
        'Use a check id or a service name; `cloudsweep checks` lists them.',
    );
  }
  return catalogue.filter((c) => wanted.has(c.id) || wanted.has(serviceOf(c.id)));
}

/** Parses each selected check's settings once, with its defaults; reports every problem. */
export function parseCheckSettings(checks: readonly Check[], raw: Readonly<Record<string, unknown>>): Map<string, object> {
  const unknownIds = Object.keys(raw).filter((id) => !checks.some((c) => c.id === id));
  const problems: string[] = unknownIds.map((id) => `${id}: not a selected check`);
  const settings = new Map<string, object>();
  for (const check of checks) {
    const parsed = check.settings.safeParse(raw[check.id] ?? {});
    if (parsed.success) settings.set(check.id, parsed.data);
    else problems.push(...parsed.error.issues.map((i) => `${check.id}.${i.path.join('.')}: ${i.message}`));
  }
  if (problems.length > 0) throw new ScanSetupError('invalid-options', `Invalid check settings: ${problems.join('; ')}`);
  return settings;
}
