import type { EvaluationContext, Outcome } from '../core/check.js';
import type { CollectorContext } from '../core/collector.js';
import type { Resource } from '../core/resource.js';
import { GLOBAL_REGION } from '../core/resource.js';
import { toCollectionIssue } from './collection-issue.js';
import type { CollectionIssue, ScanEvent } from './events.js';
import type { CollectTask, EvaluationUnit, ExecutionPlan } from './plan.js';
import { serviceOf, toCheckResult } from './results.js';

type TaskOutcome =
  | { readonly ok: true; readonly resources: readonly Resource[] }
  | { readonly ok: false; readonly issue: CollectionIssue; readonly aborted: boolean };

export interface ExecutionContext {
  readonly collector: Omit<CollectorContext, 'region'>;
  readonly homeRegion: string;
  readonly now: Date;
  readonly signal: AbortSignal;
  emit(event: ScanEvent): void;
}

async function runTask(task: CollectTask, ctx: ExecutionContext): Promise<TaskOutcome> {
  const region = task.region === GLOBAL_REGION ? ctx.homeRegion : task.region;
  const resources: Resource[] = [];
  try {
    for await (const resource of task.collector.collect({ ...ctx.collector, region })) resources.push(resource);
    return { ok: true, resources };
  } catch (error) {
    return { ok: false, issue: toCollectionIssue(task.collector, task.region, error), aborted: ctx.signal.aborted };
  }
}

/** What a check says about a region it could not see: unknown, naming what was missing. */
function unknownOutcome(unit: EvaluationUnit, issues: readonly CollectionIssue[], ctx: ExecutionContext): Outcome {
  const { accountId, partition } = ctx.collector;
  const region = unit.region === GLOBAL_REGION ? '' : unit.region;
  const service = serviceOf(unit.check.id);
  return {
    status: 'unknown',
    resource: {
      arn: `arn:${partition}:${service}:${region}:${accountId}:*`,
      id: region || accountId,
      type: region ? 'AWS::Region' : 'AWS::Account',
      region: unit.region,
    },
    message: issues.map((issue) => issue.message).join(' '),
  };
}

function evaluateUnit(unit: EvaluationUnit, outcomes: ReadonlyMap<string, TaskOutcome>, ctx: ExecutionContext): Outcome[] {
  const inputs: Record<string, readonly Resource[]> = {};
  const issues: CollectionIssue[] = [];
  for (const [name, key] of unit.inputs) {
    const outcome = outcomes.get(key);
    if (!outcome) throw new Error(`internal: ${key} evaluated before it was collected`);
    if (!outcome.ok) {
      if (outcome.aborted) return [];
      issues.push(outcome.issue);
    } else inputs[name] = outcome.resources;
  }
  if (issues.length > 0) return [unknownOutcome(unit, issues, ctx)];
  const evaluation: EvaluationContext = {
    now: ctx.now,
    accountId: ctx.collector.accountId,
    partition: ctx.collector.partition,
    region: unit.region,
  };
  try {
    return unit.check.evaluate(inputs, unit.settings, evaluation);
  } catch (error) {
    // A check bug must not sink the scan, nor pass as "all clear".
    const message = `Check ${unit.check.id} failed to evaluate: ${error instanceof Error ? error.message : String(error)}`;
    return [{ ...unknownOutcome(unit, [], ctx), message }];
  }
}

/**
 * Runs every collect task at once (the CallGovernor paces the actual calls) and evaluates each
 * unit as soon as its last input arrives, then drops inputs nothing else needs, so memory
 * follows what is in flight rather than the whole account.
 */
export async function executePlan(plan: ExecutionPlan, ctx: ExecutionContext): Promise<void> {
  const outcomes = new Map<string, TaskOutcome>();
  const dependents = new Map<string, EvaluationUnit[]>();
  const pending = new Map<EvaluationUnit, number>();
  const readers = new Map<string, number>();
  for (const unit of plan.units) {
    const keys = new Set(unit.inputs.map(([, key]) => key));
    pending.set(unit, keys.size);
    for (const key of keys) {
      dependents.set(key, [...(dependents.get(key) ?? []), unit]);
      readers.set(key, (readers.get(key) ?? 0) + 1);
    }
  }
  const seen = new Set<string>();
  let done = 0;
  const finishUnit = (unit: EvaluationUnit): void => {
    for (const outcome of evaluateUnit(unit, outcomes, ctx)) {
      const result = toCheckResult(unit.check, outcome, ctx.collector.accountId);
      // A check evaluated per region may see a global resource in each region: report it once.
      if (seen.has(result.fingerprint)) continue;
      seen.add(result.fingerprint);
      ctx.emit({ type: 'result', result });
    }
    for (const key of new Set(unit.inputs.map(([, k]) => k))) {
      const left = (readers.get(key) ?? 1) - 1;
      readers.set(key, left);
      if (left === 0) outcomes.delete(key);
    }
  };
  await Promise.all(
    plan.tasks.map(async (task) => {
      const outcome = await runTask(task, ctx);
      outcomes.set(task.key, outcome);
      if (!outcome.ok && !outcome.aborted) ctx.emit({ type: 'issue', issue: outcome.issue });
      done += 1;
      const resources = outcome.ok ? outcome.resources.length : 0;
      ctx.emit({ type: 'progress', done, total: plan.tasks.length, phase: 'collecting', task: task.key, resources });
      for (const unit of dependents.get(task.key) ?? []) {
        const left = (pending.get(unit) ?? 1) - 1;
        pending.set(unit, left);
        if (left === 0) finishUnit(unit);
      }
      if (!readers.has(task.key)) outcomes.delete(task.key);
    }),
  );
}
