import type { Check } from '../core/check.js';
import type { AnyCollector } from '../core/collector.js';
import { GLOBAL_REGION } from '../core/resource.js';

/** One collector run: a regional collector in one region, or a global one once. */
export interface CollectTask {
  readonly key: string;
  readonly collector: AnyCollector;
  readonly region: string;
}

/** One `evaluate` call: a check over one region's resources (or once, for global checks). */
export interface EvaluationUnit {
  readonly check: Check;
  readonly settings: object;
  readonly region: string;
  /** Input name -> task whose resources it receives. */
  readonly inputs: ReadonlyArray<readonly [string, string]>;
}

export interface ExecutionPlan {
  readonly tasks: readonly CollectTask[];
  readonly units: readonly EvaluationUnit[];
}

function taskKey(collectorId: string, region: string): string {
  return `${collectorId}@${region}`;
}

function isGlobalCheck(check: Check): boolean {
  return Object.values(check.uses).every((c) => c.scope === 'global');
}

/** Every collector the checks use, once, sorted by id. */
export function collectorsOf(checks: readonly Check[]): AnyCollector[] {
  const byId = new Map<string, AnyCollector>();
  for (const check of checks) for (const c of Object.values(check.uses)) byId.set(c.id, c);
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

export function planExecution(
  checks: readonly Check[],
  settings: ReadonlyMap<string, object>,
  regions: readonly string[],
): ExecutionPlan {
  const tasks = collectorsOf(checks).flatMap((collector) =>
    (collector.scope === 'global' ? [GLOBAL_REGION] : regions).map((region) => ({
      key: taskKey(collector.id, region),
      collector,
      region,
    })),
  );
  const units = checks.flatMap((check) =>
    (isGlobalCheck(check) ? [GLOBAL_REGION] : regions).map((region) => ({
      check,
      settings: settings.get(check.id) ?? {},
      region,
      inputs: Object.entries(check.uses).map(
        ([name, c]) => [name, taskKey(c.id, c.scope === 'global' ? GLOBAL_REGION : region)] as const,
      ),
    })),
  );
  return { tasks, units };
}
